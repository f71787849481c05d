"""Content security: the policy every page carries."""
