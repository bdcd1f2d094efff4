// How Node should run the language server: its V8 flags. The VS Code client starts the
// server with them, as do the protocol tests and the benchmark; README shows them for other
// editors. Measured on the benchmark (docs/PERFORMANCE.md): V8's young generation otherwise
// grows to tens of MB per semi-space, and while a large file is parsed the objects that
// outlive a scavenge or two (tokens, pieces of the AST being built) are promoted and linger
// as old-generation garbage; with 4 MB semi-spaces the 2,000-file workspace peaks at about
// 200 MB instead of 320, a 50,000-decision file at about 370 MB instead of 490, at no
// measurable cost in time.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
