"""Pages of the working_groups app: dashboard, activities, tasks, working groups."""
