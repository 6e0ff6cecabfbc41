SELECT kind, digest FROM checked_inputs;
