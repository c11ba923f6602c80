"""Check-worthy claims: which sentences state a checkable fact (CheckThat! 2024 Task 1)."""
