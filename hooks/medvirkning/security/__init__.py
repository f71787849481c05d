"""Content security: the policy every page carries, the allowlist of content HTML (nh3), and no
personal data (fødselsnumre, phone numbers, personal e-mail addresses) on any page."""
