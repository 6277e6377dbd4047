from coordination.roles import is_secretariat


def roles(request):
    """Lets templates show navigation according to the user's role."""
    user = getattr(request, "user", None)
    return {"is_secretariat": bool(user and is_secretariat(user))}
