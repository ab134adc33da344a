"""The national data set for benchmarks and load tests (``manage.py generate_national_data``):
``generate`` plans and writes it, ``reports`` makes each report's grades and findings,
``responses`` the offices' Section 55 responses, ``words`` the text they are written in."""
