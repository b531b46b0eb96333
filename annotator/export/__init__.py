"""Writers for the formats researchers and other tools read (JSONL, Excel, CSV, brat, REFI-QDA)."""
