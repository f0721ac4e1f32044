declare module 'virtual:dataset' {
  const dataset: import('../dataset/types').CompiledDataset;
  export default dataset;
}
declare module 'virtual:matcher' {
  const matcher: import('../match/types').CompiledMatcher;
  export default matcher;
}
