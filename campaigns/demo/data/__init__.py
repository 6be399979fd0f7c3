"""The four seed plans of issue 3 as structured data, loaded by campaigns.demo.

Texts are copied from the seed plans (the ha-quang seed is OCR without diacritics: its text is
reconstructed, and readings we are not sure of are marked "(?)"). The project never reads the seeds.
"""
