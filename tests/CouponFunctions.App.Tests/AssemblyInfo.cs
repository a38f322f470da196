// Each collection has its own worker, and every worker consumes the app's queues in the shared Azurite: one collection
// at a time, so a message is handled by the worker whose sandboxes know its shop.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
