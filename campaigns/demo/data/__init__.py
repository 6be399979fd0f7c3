"""The four seed plans (Hà Quảng, a Chi Lăng commune, Quảng Trị, Ban Dân tộc Cao Bằng) as structured data, loaded by
campaigns.demo.plans.

Texts are copied from the seed plans (the ha-quang seed is OCR without diacritics: its text is
reconstructed). They hold only what the texts say: no marks of doubt on screen, no subjects or award forms a
text does not name. What the demo reads into the words (a baseline taken from another paragraph, a count
behind a list of names) goes in a target's "note", shown as an interpretation. The project never reads the
seeds; campaigns/tests/test_demo_plans.py checks the data against these rules.
"""
