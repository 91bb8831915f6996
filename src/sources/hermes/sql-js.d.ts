// sql.js's single-file WebAssembly build (the .wasm inlined): the same API as the package's main
// entry, which is the only one @types/sql.js describes.
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
