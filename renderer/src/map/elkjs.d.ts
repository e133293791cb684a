/** elkjs's worker script, copied as is into the build: the map starts it as a Web Worker. */
declare module "elkjs/lib/elk-worker.min.js?url" {
  const url: string;
  export default url;
}
