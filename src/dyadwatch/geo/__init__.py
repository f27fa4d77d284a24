"""Where: toponyms, the GeoNames gazetteer (built once and cached) and event places."""
