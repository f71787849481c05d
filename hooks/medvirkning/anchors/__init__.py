"""Section ids and links that keep working: ids, the registry of published ids, permalinks."""
