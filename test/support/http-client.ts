// The suites talk to the API with the same small client as the demo.
export { HttpClient } from '../../apps/cli/src/processes/http-client';
export type { Reply, RequestOptions } from '../../apps/cli/src/processes/http-client';
