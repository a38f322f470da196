"""The pieces of infra/validate.py: what the code needs, the Bicep text, and the checks."""
