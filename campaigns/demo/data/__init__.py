"""The four seed plans (Hà Quảng, a Chi Lăng commune, Quảng Trị, Ban Dân tộc Cao Bằng) as structured data, loaded by
campaigns.demo.plans.

Texts are copied from the seed plans (the ha-quang seed is OCR without diacritics: its text is
reconstructed, and readings we are not sure of are marked "(?)"). The project never reads the seeds.
"""
