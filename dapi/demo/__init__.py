"""The demonstration: the five seed documents entered faithfully (`seeds`), their organisations and
one synthetic user per role (`organisations`), and synthetic, labelled referrals, cases, forum
listings and CARA workshops (`cases`, `forums`). Imported only by `dapi demo` and the tests."""
