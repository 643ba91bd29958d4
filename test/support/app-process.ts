// The suites start the built apps the same way the demo does.
export { AppProcess, freePort } from '../../apps/cli/src/processes/app-process';
