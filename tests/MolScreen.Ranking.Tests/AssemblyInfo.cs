// OpenBabel is not thread-safe (one OpenBabel thread per process): the runs these tests make
// featurize in-process, so test classes must not run them concurrently.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
