"""Reading without a network: the service worker the build writes."""
