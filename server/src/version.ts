declare const __VERSION__: string | undefined;

/** The package version, set by the bundler from package.json. */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
