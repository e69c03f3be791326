"""The main window, its menus, and the controllers that connect the views to the session."""
