"""Parse: the spaCy pipeline with our entity ruler, sentence rules and attribute-ruler index."""
