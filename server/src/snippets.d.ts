/** The snippet file is JSON; the bundler loads it as such. */
declare module '*.code-snippets' {
  const snippets: unknown;
  export default snippets;
}
