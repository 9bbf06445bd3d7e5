"""Reading existing reports into data: upload, review each extracted statement, import in one transaction."""
