"""The "Tạo báo cáo" button: the official report of a unit and plan, generated from the data, as DOCX, XLSX or PDF."""
