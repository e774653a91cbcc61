# Placeholder until the forums and CARA work lands (same session); replaced by it.
def case_forum_context(user, case):
    return {}


def case_cara_context(user, case):
    return {}
