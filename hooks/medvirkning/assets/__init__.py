"""Our scripts and stylesheets as readers get them."""
