"""cnnlab: the small CNN library students build, one module per stage."""
