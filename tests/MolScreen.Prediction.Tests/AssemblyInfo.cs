// OpenBabel (featurization) admits one thread per process; the test classes share it, so run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
