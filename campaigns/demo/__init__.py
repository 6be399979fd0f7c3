"""Demo and generated data for the campaigns subjects: load_demo's steps (plans, assessments), the seed plans as data
and the national-data generator. Only management commands name these, by dotted path; no product module imports them.
"""
