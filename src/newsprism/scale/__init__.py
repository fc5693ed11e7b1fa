"""Running the pipeline beyond one machine (Dask)."""
