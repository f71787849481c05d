"""The glossary: the Ordliste page and the explanation of every abbreviation."""
