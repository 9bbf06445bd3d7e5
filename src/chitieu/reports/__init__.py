"""The official report of a plan: DOCX in the state's format (Nghị định 30/2020/NĐ-CP) with
Phụ lục 1 in a landscape section, charts, the appendix as XLSX, and PDF through LibreOffice.

Entry points: ``chitieu.reports.document.build_report`` (Python API, also behind the web app's
"Tạo báo cáo" button) and ``chitieu report`` (``chitieu.reports.commands``). See docs/report.md.
"""
