import { DynamicModule, Global, Module } from '@nestjs/common';
import { Settings } from './settings';

/** Provides the validated Settings to every module; tests pass their own. */
@Global()
@Module({})
export class SettingsModule {
  static forRoot(settings: Settings): DynamicModule {
    return { module: SettingsModule, providers: [{ provide: Settings, useValue: settings }], exports: [Settings] };
  }
}
