from coordination.access import is_secretariat, may_read


def roles(request):
    """Lets templates show navigation according to the user's role."""
    user = getattr(request, "user", None)
    return {"is_secretariat": is_secretariat(user), "may_read": may_read(user)}
