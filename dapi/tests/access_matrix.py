"""Who gets what: the expected HTTP status of every endpoint for every role (see test_access_matrix.py).

200 answered, 302 sent elsewhere (anonymous: to sign in; after an empty POST: back to a page),
401 API without a signed-in user, 403 may see but not do, 404 not found or hidden (where existence
itself would leak), 405 wrong method, 422 API request refused with its errors, 410 gone.
Columns: anonymous visitor, the nine demo roles, and an outsider (signed in, no membership).

Lists (programmes, decisions, cases, referrals, forum actions, imports, reports, extracts) answer 200
to every signed-in role and show each only what access.py gives it (tested per app); records answer
404 to whoever may not see them. API writes check the body before the permission, so an empty body
answers 422 to everyone; a valid body from a role that may not write answers 403 or 404 (tested
per app). No demo role works for the CARA facilitator, so no demo role reaches a workshop.
Reviewed against DESIGN.md's table of who sees what. The case-work writes are requested a second
time with a valid body (WRITES below), which shows who may make each.
"""

from pathlib import Path

COLUMNS = ["anonymous", "commissioner", "finance-officer", "provider-manager", "perpetrator-worker",
           "partner-support-worker", "police-analyst", "panel-member", "evaluator", "administrator", "outsider"]
SHORT = ["anon", "comm", "fin", "pm", "pw", "psw", "pa", "panel", "eval", "admin", "out"]
OBSERVED = Path(__file__).resolve().parents[2] / "var" / "access-matrix.observed.txt"

MATRIX = """
# endpoint                                    anon  comm   fin    pm    pw   psw    pa panel  eval admin   out
GET home                                       302   200   200   200   200   200   200   200   200   200   200
POST home                                      302   405   405   405   405   405   405   405   405   405   405
GET login                                      200   302   302   302   302   302   302   302   302   302   302
POST login                                     200   302   302   302   302   302   302   302   302   302   302
GET login_verify                               302   200   200   200   200   200   200   302   200   200   302
POST login_verify                              302   200   200   200   200   200   200   302   200   200   302
GET logout                                     405   405   405   405   405   405   405   405   405   405   405
POST logout                                    302   302   302   302   302   302   302   302   302   302   302
GET two_factor_setup                           302   200   200   200   200   200   200   200   200   200   200
POST two_factor_setup                          302   200   200   200   200   200   200   200   200   200   200
GET api_token_list                             302   200   200   200   200   200   200   200   200   200   200
POST api_token_list                            302   405   405   405   405   405   405   405   405   405   405
GET api_token_revoke                           302   404   200   404   404   404   404   404   404   200   404
POST api_token_revoke                          302   404   302   404   404   404   404   404   404   302   404
GET organisation_list                          302   200   200   200   200   200   200   200   200   200   200
POST organisation_list                         302   405   405   405   405   405   405   405   405   405   405
GET organisation_identifiers                   302   404   404   404   404   404   404   404   404   200   404
POST organisation_identifiers                  302   404   404   404   404   404   404   404   404   302   404
GET funding:programme_list                     302   200   200   200   200   200   200   200   200   200   200
POST funding:programme_list                    302   405   405   405   405   405   405   405   405   405   405
GET funding:programme_detail                   302   200   200   200   404   404   404   404   404   404   404
POST funding:programme_detail                  302   405   405   405   405   405   405   405   405   405   405
GET funding:programme_timeline                 302   200   200   404   404   404   404   404   404   404   404
POST funding:programme_timeline                302   405   405   405   405   405   405   405   405   405   405
GET funding:award_create                       302   200   200   404   404   404   404   404   404   404   404
POST funding:award_create                      302   200   200   404   404   404   404   404   404   404   404
GET funding:agreement_create                   302   200   200   404   404   404   404   404   404   404   404
POST funding:agreement_create                  302   200   200   404   404   404   404   404   404   404   404
GET funding:allocation_create                  302   200   200   404   404   404   404   404   404   404   404
POST funding:allocation_create                 302   200   200   404   404   404   404   404   404   404   404
GET funding:agreement_detail                   302   200   200   200   404   404   404   404   404   404   404
POST funding:agreement_detail                  302   405   405   405   405   405   405   405   405   405   405
GET funding:agreement_edit                     302   200   200   404   404   404   404   404   404   404   404
POST funding:agreement_edit                    302   200   200   404   404   404   404   404   404   404   404
GET funding:award_edit                         302   200   200   404   404   404   404   404   404   404   404
POST funding:award_edit                        302   200   200   404   404   404   404   404   404   404   404
GET funding:allocation_edit                    302   200   200   404   404   404   404   404   404   404   404
POST funding:allocation_edit                   302   200   200   404   404   404   404   404   404   404   404
GET funding:bid_create                         302   200   200   404   404   404   404   404   404   404   404
POST funding:bid_create                        302   200   200   404   404   404   404   404   404   404   404
GET funding:bid_outcome                        302   200   200   404   404   404   404   404   404   404   404
POST funding:bid_outcome                       302   200   200   404   404   404   404   404   404   404   404
GET funding:match_contribution_create          302   200   200   404   404   404   404   404   404   404   404
POST funding:match_contribution_create         302   200   200   404   404   404   404   404   404   404   404
GET funding:agreement_extend                    302   200   200   404   404   404   404   404   404   404   404
POST funding:agreement_extend                   302   200   200   404   404   404   404   404   404   404   404
GET funding:agreement_vary                      302   200   200   404   404   404   404   404   404   404   404
POST funding:agreement_vary                     302   200   200   404   404   404   404   404   404   404   404
GET funding:break_notice_give                   302   200   200   404   404   404   404   404   404   404   404
POST funding:break_notice_give                  302   200   200   404   404   404   404   404   404   404   404
GET funding:agreement_terminate                 302   200   200   404   404   404   404   404   404   404   404
POST funding:agreement_terminate                302   200   200   404   404   404   404   404   404   404   404
GET funding:condition_add                       302   200   200   404   404   404   404   404   404   404   404
POST funding:condition_add                      302   200   200   404   404   404   404   404   404   404   404
GET funding:condition_meet                      302   200   200   404   404   404   404   404   404   404   404
POST funding:condition_meet                     302   200   200   404   404   404   404   404   404   404   404
GET funding:mirror_rule_add                     302   200   200   404   404   404   404   404   404   404   404
POST funding:mirror_rule_add                    302   200   200   404   404   404   404   404   404   404   404
GET funding:funding_condition_add               302   200   200   404   404   404   404   404   404   404   404
POST funding:funding_condition_add              302   200   200   404   404   404   404   404   404   404   404
GET funding:funding_condition_status            302   200   200   404   404   404   404   404   404   404   404
POST funding:funding_condition_status           302   200   200   404   404   404   404   404   404   404   404
GET funding:cut_record                          302   200   200   404   404   404   404   404   404   404   404
POST funding:cut_record                         302   200   200   404   404   404   404   404   404   404   404
GET funding:cut_apply                           302   200   200   404   404   404   404   404   404   404   404
POST funding:cut_apply                          302   200   200   404   404   404   404   404   404   404   404
GET funding:spend_return_submit                302   404   404   200   404   404   404   404   404   404   404
POST funding:spend_return_submit               302   404   404   200   404   404   404   404   404   404   404
GET funding:register_import                    302   200   200   404   404   404   404   404   404   404   404
POST funding:register_import                   302   200   200   404   404   404   404   404   404   404   404
GET funding:register_map                       302   302   302   404   404   404   404   404   404   404   404
POST funding:register_map                      302   302   302   404   404   404   404   404   404   404   404
GET funding:register_preview                   302   302   302   404   404   404   404   404   404   404   404
POST funding:register_preview                  302   405   405   405   405   405   405   405   405   405   405
GET funding:register_confirm                   302   405   405   405   405   405   405   405   405   405   405
POST funding:register_confirm                  302   302   302   404   404   404   404   404   404   404   404
GET funding:register_download                  302   200   200   404   404   404   404   404   404   404   404
POST funding:register_download                 302   405   405   405   405   405   405   405   405   405   405
GET funding:spend_return_detail                302   200   200   200   404   404   404   404   404   404   404
POST funding:spend_return_detail               302   405   405   405   405   405   405   405   405   405   405
GET funding:spend_return_review                302   405   405   405   405   405   405   405   405   405   405
POST funding:spend_return_review               302   200   200   404   404   404   404   404   404   404   404
GET funding:target_create                      302   200   200   404   404   404   404   404   404   404   404
POST funding:target_create                     302   200   200   404   404   404   404   404   404   404   404
GET funding:target_actual                      302   404   404   200   404   404   404   404   404   404   404
POST funding:target_actual                     302   404   404   200   404   404   404   404   404   404   404
GET decisions:decision_list                    302   200   200   200   200   200   200   200   200   200   200
POST decisions:decision_list                   302   405   405   405   405   405   405   405   405   405   405
GET decisions:decision_create                  302   200   200   404   404   404   404   404   404   404   404
POST decisions:decision_create                 302   200   200   404   404   404   404   404   404   404   404
GET decisions:ingest_upload                    302   200   200   404   404   404   404   404   404   404   404
POST decisions:ingest_upload                   302   200   200   404   404   404   404   404   404   404   404
GET decisions:ingest_review                    302   200   200   404   404   404   404   404   404   404   404
POST decisions:ingest_review                   302   200   200   404   404   404   404   404   404   404   404
GET decisions:ingest_file                      302   200   200   404   404   404   404   404   404   404   404
POST decisions:ingest_file                     302   405   405   405   405   405   405   405   405   405   405
GET decisions:ingest_batch                     302   200   200   404   404   404   404   404   404   404   404
POST decisions:ingest_batch                    302   405   405   405   405   405   405   405   405   405   405
GET decisions:decision_detail                  302   200   200   200   404   404   404   404   404   404   404
POST decisions:decision_detail                 302   405   405   405   405   405   405   405   405   405   405
GET decisions:decision_edit                    302   200   200   404   404   404   404   404   404   404   404
POST decisions:decision_edit                   302   200   200   404   404   404   404   404   404   404   404
GET decisions:resolution_list                  302   200   200   200   200   200   200   200   200   200   200
POST decisions:resolution_list                 302   405   405   405   405   405   405   405   405   405   405
GET decisions:resolution_edit                  302   200   200   404   404   404   404   404   404   404   404
POST decisions:resolution_edit                 302   200   200   404   404   404   404   404   404   404   404
GET decisions:meeting_detail                   302   200   200   404   404   404   404   200   404   404   404
POST decisions:meeting_detail                  302   405   405   405   405   405   405   405   405   405   405
GET decisions:resolution_create                302   200   200   404   404   404   404   404   404   404   404
POST decisions:resolution_create               302   200   200   404   404   404   404   404   404   404   404
GET cases:case_list                            302   200   200   200   200   200   200   200   200   200   200
POST cases:case_list                           302   405   405   405   405   405   405   405   405   405   405
GET cases:case_export                          302   200   200   200   200   200   200   200   200   200   200
POST cases:case_export                         302   405   405   405   405   405   405   405   405   405   405
GET cases:case_detail                          302   404   404   200   200   200   404   404   404   404   404
POST cases:case_detail                         302   405   405   405   405   405   405   405   405   405   405
GET cases:case_status                          302   404   404   200   200   404   404   404   404   404   404
POST cases:case_status                         302   404   404   200   200   404   404   404   404   404   404
GET cases:assignment_add                       302   404   404   200   404   404   404   404   404   404   404
POST cases:assignment_add                      302   404   404   200   404   404   404   404   404   404   404
GET cases:member_add                           302   404   404   200   200   200   404   404   404   404   404
POST cases:member_add                          302   404   404   200   200   200   404   404   404   404   404
GET cases:details_edit                         302   404   404   200   200   404   404   404   404   404   404
POST cases:details_edit                        302   404   404   302   302   404   404   404   404   404   404
GET cases:contact_add                          302   404   404   200   200   404   404   404   404   404   404
POST cases:contact_add                         302   404   404   200   200   404   404   404   404   404   404
GET cases:need_add                             302   404   404   200   200   404   404   404   404   404   404
POST cases:need_add                            302   404   404   200   200   404   404   404   404   404   404
GET cases:need_edit                            302   404   404   200   200   404   404   404   404   404   404
POST cases:need_edit                           302   404   404   200   200   404   404   404   404   404   404
GET cases:goal_add                             302   404   404   200   200   404   404   404   404   404   404
POST cases:goal_add                            302   404   404   200   200   404   404   404   404   404   404
GET cases:goal_edit                            302   404   404   200   200   404   404   404   404   404   404
POST cases:goal_edit                           302   404   404   200   200   404   404   404   404   404   404
GET cases:victim_detail                        302   404   404   404   404   200   404   404   404   404   404
POST cases:victim_detail                       302   405   405   405   405   405   405   405   405   405   405
GET cases:member_support                       302   404   404   404   404   200   404   404   404   404   404
POST cases:member_support                      302   404   404   404   404   302   404   404   404   404   404
GET cases:safety_plan_add                      302   404   404   404   404   200   404   404   404   404   404
POST cases:safety_plan_add                     302   404   404   404   404   200   404   404   404   404   404
GET cases:dash_add                             302   404   404   404   404   200   404   404   404   404   404
POST cases:dash_add                            302   404   404   404   404   200   404   404   404   404   404
GET cases:victim_outcome_add                   302   404   404   404   404   200   404   404   404   404   404
POST cases:victim_outcome_add                  302   404   404   404   404   200   404   404   404   404   404
GET cases:dash_detail                          302   404   404   404   404   200   404   404   404   404   404
POST cases:dash_detail                         302   405   405   405   405   405   405   405   405   405   405
GET cases:referral_list                        302   200   200   200   200   200   200   200   200   200   200
POST cases:referral_list                       302   405   405   405   405   405   405   405   405   405   405
GET cases:referral_create                      302   404   404   200   404   404   200   404   404   404   404
POST cases:referral_create                     302   404   404   200   404   404   200   404   404   404   404
GET cases:referral_detail                      302   404   404   200   404   404   200   404   404   404   404
POST cases:referral_detail                     302   404   404   200   404   404   200   404   404   404   404
GET cases:person_search                        302   200   200   200   200   200   200   200   200   200   200
POST cases:person_search                       302   405   405   405   405   405   405   405   405   405   405
GET forums:overdue                             302   200   200   200   200   200   200   200   200   200   200
POST forums:overdue                            302   405   405   405   405   405   405   405   405   405   405
GET forums:open_actions                        302   200   200   200   200   200   200   200   200   200   200
POST forums:open_actions                       302   405   405   405   405   405   405   405   405   405   405
GET forums:action_update                       302   404   404   200   200   404   404   404   404   404   404
POST forums:action_update                      302   404   404   200   200   404   404   404   404   404   404
GET forums:listing_add                         302   404   404   200   200   200   404   404   404   404   404
POST forums:listing_add                        302   404   404   200   200   200   404   404   404   404   404
GET forums:action_add                          302   404   404   200   200   200   404   404   404   404   404
POST forums:action_add                         302   404   404   200   200   200   404   404   404   404   404
GET disruption:action_add                      302   404   404   200   200   200   404   404   404   404   404
POST disruption:action_add                     302   404   404   200   200   200   404   404   404   404   404
GET assessment:assessment_add                  302   404   404   200   200   404   404   404   404   404   404
POST assessment:assessment_add                 302   404   404   200   200   404   404   404   404   404   404
GET assessment:plan_review                     302   404   404   200   200   404   404   404   404   404   404
POST assessment:plan_review                    302   404   404   200   200   404   404   404   404   404   404
GET cara:workshop_list                         302   200   200   200   200   200   200   200   200   200   200
POST cara:workshop_list                        302   405   405   405   405   405   405   405   405   405   405
GET cara:workshop_add                          302   404   404   200   404   404   404   404   404   404   404
POST cara:workshop_add                         302   404   404   200   404   404   404   404   404   404   404
GET cara:workshop_detail                       302   404   404   404   404   404   404   404   404   404   404
POST cara:workshop_detail                      302   405   405   405   405   405   405   405   405   405   405
GET cara:attendance                            302   405   405   405   405   405   405   405   405   405   405
POST cara:attendance                           302   404   404   404   404   404   404   404   404   404   404
GET cara:book                                  302   404   404   404   404   404   404   404   404   404   404
POST cara:book                                 302   404   404   404   404   404   404   404   404   404   404
GET identification:import_list                 302   200   200   200   200   200   200   200   200   200   200
POST identification:import_list                302   404   404   404   404   404   200   404   404   404   404
GET identification:import_detail               302   404   404   404   404   404   200   404   404   404   404
POST identification:import_detail              302   405   405   405   405   405   405   405   405   405   405
GET identification:import_rerun                302   405   405   405   405   405   405   405   405   405   405
POST identification:import_rerun               302   404   404   404   404   404   302   404   404   404   404
GET identification:ranking_csv                 302   404   404   404   404   404   200   404   404   404   404
POST identification:ranking_csv                302   405   405   405   405   405   405   405   405   405   405
GET identification:perpetrator_detail          302   404   404   404   404   404   200   404   404   404   404
POST identification:perpetrator_detail         302   404   404   404   404   404   200   404   404   404   404
GET identification:cohort                      302   404   404   404   404   404   200   404   404   404   404
POST identification:cohort                     302   405   405   405   405   405   405   405   405   405   405
GET identification:case_outcomes               302   404   404   200   200   404   404   404   404   404   404
POST identification:case_outcomes              302   405   405   405   405   405   405   405   405   405   405
GET reports:report_list                        302   200   200   200   200   200   200   200   200   200   200
POST reports:report_list                       302   405   405   405   405   405   405   405   405   405   405
GET reports:dashboard                          302   200   200   200   404   404   404   404   404   404   404
POST reports:dashboard                         302   405   405   405   405   405   405   405   405   405   405
GET reports:panel_pack                         302   200   200   200   404   404   404   404   404   404   404
POST reports:panel_pack                        302   405   405   405   405   405   405   405   405   405   405
GET reports:extract_list                       302   200   200   200   200   200   200   200   200   200   200
POST reports:extract_list                      302   200   200   404   404   404   404   404   404   404   404
GET reports:extract_download                   302   404   404   404   404   404   404   404   200   404   404
POST reports:extract_download                  302   405   405   405   405   405   405   405   405   405   405
GET reports:open_data_download                 302   200   200   404   404   404   404   404   404   404   404
POST reports:open_data_download                302   405   405   405   405   405   405   405   405   405   405
GET reports:home_office_return                 302   200   200   404   404   404   404   404   404   404   404
POST reports:home_office_return                302   405   405   405   405   405   405   405   405   405   405
GET reports:transparency                       404   404   404   404   404   404   404   404   404   404   404
POST reports:transparency                      404   404   404   404   404   404   404   404   404   404   404
GET reports:transparency_file                  404   404   404   404   404   404   404   404   404   404   404
POST reports:transparency_file                 404   404   404   404   404   404   404   404   404   404   404
GET audit:log                                  302   404   404   404   404   404   404   404   404   200   404
POST audit:log                                 302   405   405   405   405   405   405   405   405   405   405
GET audit:log_export                           302   404   404   404   404   404   404   404   404   200   404
POST audit:log_export                          302   405   405   405   405   405   405   405   405   405   405
GET password_change                            302   200   200   200   200   200   200   200   200   200   200
POST password_change                           302   200   200   200   200   200   200   200   200   200   200
GET users:user_list                            302   404   404   404   404   404   404   404   404   200   404
POST users:user_list                           302   405   405   405   405   405   405   405   405   405   405
GET users:user_add                             302   404   404   404   404   404   404   404   404   200   404
POST users:user_add                            302   404   404   404   404   404   404   404   404   200   404
GET users:user_detail                          302   404   404   404   404   404   404   404   404   200   404
POST users:user_detail                         302   405   405   405   405   405   405   405   405   405   405
GET users:user_deactivate                      302   405   405   405   405   405   405   405   405   405   405
POST users:user_deactivate                     302   404   404   404   404   404   404   404   404   302   404
GET users:user_reactivate                      302   405   405   405   405   405   405   405   405   405   405
POST users:user_reactivate                     302   404   404   404   404   404   404   404   404   302   404
GET users:user_reset_second_factor             302   405   405   405   405   405   405   405   405   405   405
POST users:user_reset_second_factor            302   404   404   404   404   404   404   404   404   302   404
GET users:user_unlock                          302   405   405   405   405   405   405   405   405   405   405
POST users:user_unlock                         302   404   404   404   404   404   404   404   404   302   404
GET /api/programmes                            401   200   200   200   200   200   200   200   200   200   200
GET /api/programmes/{slug}                     401   200   200   200   404   404   404   404   404   404   404
GET /api/programmes/{slug}/runway              401   200   200   200   404   404   404   404   404   404   404
GET /api/runway                                401   200   200   200   200   200   200   200   200   200   200
GET /api/awards                                401   200   200   200   200   200   200   200   200   200   200
POST /api/awards                               401   422   422   422   422   422   422   422   422   422   422
GET /api/awards/{award_id}                     401   200   200   404   404   404   404   404   404   404   404
GET /api/agreements                            401   200   200   200   200   200   200   200   200   200   200
POST /api/agreements                           401   422   422   422   422   422   422   422   422   422   422
GET /api/agreements/{agreement_id}             401   200   200   200   404   404   404   404   404   404   404
PATCH /api/agreements/{agreement_id}           401   422   422   422   422   422   422   422   422   422   422
GET /api/allocations                           401   200   200   200   200   200   200   200   200   200   200
POST /api/allocations                          401   422   422   422   422   422   422   422   422   422   422
GET /api/allocations/{allocation_id}           401   200   200   404   404   404   404   404   404   404   404
GET /api/bids                                  401   200   200   200   200   200   200   200   200   200   200
POST /api/bids                                 401   422   422   422   422   422   422   422   422   422   422
GET /api/bids/{bid_id}                         401   200   200   404   404   404   404   404   404   404   404
POST /api/bids/{bid_id}/outcome                401   422   422   422   422   422   422   422   422   422   422
POST /api/match-contributions                  401   422   422   422   422   422   422   422   422   422   422
GET /api/spend-returns                         401   200   200   200   200   200   200   200   200   200   200
GET /api/spend-returns/{return_id}             401   200   200   200   404   404   404   404   404   404   404
POST /api/spend-returns/{return_id}/review     401   422   422   422   422   422   422   422   422   422   422
POST /api/agreements/{agreement_id}/spend-returns 401   422   422   422   422   422   422   422   422   422   422
GET /api/agreements/{agreement_id}/targets     401   200   200   200   404   404   404   404   404   404   404
GET /api/agreements/{agreement_id}/events      401   200   200   200   404   404   404   404   404   404   404
POST /api/agreements/{agreement_id}/extension   401   422   422   422   422   422   422   422   422   422   422
POST /api/agreements/{agreement_id}/variations  401   422   422   422   422   422   422   422   422   422   422
POST /api/agreements/{agreement_id}/break-notice 401   422   422   422   422   422   422   422   422   422   422
POST /api/agreements/{agreement_id}/termination 401   422   422   422   422   422   422   422   422   422   422
POST /api/agreements/{agreement_id}/conditions  401   422   422   422   422   422   422   422   422   422   422
POST /api/conditions/{condition_id}/met         401   422   422   422   422   422   422   422   422   422   422
POST /api/agreements/{agreement_id}/mirrored-reductions 401   422   422   422   422   422   422   422   422   422   422
POST /api/agreements/{agreement_id}/funding-conditions 401   422   422   422   422   422   422   422   422   422   422
POST /api/funding-conditions/{funding_condition_id}/status 401   422   422   422   422   422   422   422   422   422   422
POST /api/agreements/{agreement_id}/cuts        401   422   422   422   422   422   422   422   422   422   422
POST /api/cuts/{cut_id}/apply                   401   422   422   422   422   422   422   422   422   422   422
POST /api/agreements/{agreement_id}/targets    401   422   422   422   422   422   422   422   422   422   422
POST /api/targets/{target_id}/actual           401   422   422   422   422   422   422   422   422   422   422
GET /api/decisions                             401   200   200   200   200   200   200   200   200   200   200
GET /api/decisions/{decision_id}               401   200   200   200   404   404   404   404   404   404   404
GET /api/resolutions                           401   200   200   200   200   200   200   200   200   200   200
POST /api/resolutions                          401   422   422   422   422   422   422   422   422   422   422
GET /api/resolutions/{resolution_id}           401   200   200   404   404   404   404   200   404   404   404
POST /api/ingest/documents                     401   422   422   422   422   422   422   422   422   422   422
GET /api/ingest/documents                      401   200   200   200   200   200   200   200   200   200   200
GET /api/ingest/batches/{batch_id}             401   200   200   404   404   404   404   404   404   404   404
GET /api/ingest/documents/{document_id}        401   200   200   404   404   404   404   404   404   404   404
POST /api/ingest/documents/{document_id}/confirm 401 422   422   404   404   404   404   404   404   404   404
POST /api/ingest/documents/{document_id}/discard 401 201   422   404   404   404   404   404   404   404   404
PATCH /api/resolutions/{resolution_id}         401   422   422   422   422   422   422   422   422   422   422
GET /api/cases                                 401   200   200   200   200   200   200   200   200   200   200
GET /api/cases/{case_id}                       401   404   404   200   200   200   404   404   404   404   404
GET /api/cases/{case_id}/people/{member_id}    401   404   404   404   404   200   404   404   404   404   404
GET /api/cases/{case_id}/disruption-actions    401   404   404   200   200   200   404   404   404   404   404
POST /api/cases/{case_id}/disruption-actions   401   422   422   422   422   422   422   422   422   422   422
GET /api/cases/{case_id}/perpetrator-assessments 401   404   404   200   200   404   404   404   404   404   404
POST /api/cases/{case_id}/perpetrator-assessments 401   422   422   422   422   422   422   422   422   422   422
GET /api/cases/{case_id}/risk-plan             401   404   404   200   200   404   404   404   404   404   404
POST /api/cases/{case_id}/risk-plan/reviews    401   422   422   422   422   422   422   422   422   422   422
POST /api/cases/{case_id}/status               401   422   422   422   422   422   422   422   422   422   422
GET /api/cases/{case_id}/contacts              401   404   404   200   200   200   404   404   404   404   404
POST /api/cases/{case_id}/contacts             401   422   422   422   422   422   422   422   422   422   422
GET /api/cases/{case_id}/needs                 401   404   404   200   200   200   404   404   404   404   404
POST /api/cases/{case_id}/needs                401   422   422   422   422   422   422   422   422   422   422
GET /api/cases/{case_id}/goals                 401   404   404   200   200   200   404   404   404   404   404
POST /api/cases/{case_id}/goals                401   422   422   422   422   422   422   422   422   422   422
GET /api/cases/{case_id}/dash-assessments      401   404   404   200   200   200   404   404   404   404   404
POST /api/cases/{case_id}/people/{member_id}/dash-assessments 401   422   422   422   422   422   422   422   422   422   422
GET /api/cases/{case_id}/people/{member_id}/safety-plans 401   404   404   404   404   200   404   404   404   404   404
POST /api/cases/{case_id}/people/{member_id}/safety-plans 401   422   422   422   422   422   422   422   422   422   422
GET /api/cases/{case_id}/forum-listings        401   404   404   200   200   200   404   404   404   404   404
POST /api/cases/{case_id}/forum-listings       401   422   422   422   422   422   422   422   422   422   422
POST /api/forum-listings/{listing_id}/actions  401   422   422   422   422   422   422   422   422   422   422
POST /api/forum-actions/{action_id}/status     401   422   422   422   422   422   422   422   422   422   422
GET /api/case-numbers                          401   200   200   200   200   200   200   200   200   200   200
GET /api/people/search                         401   422   422   422   422   422   422   422   422   422   422
GET /api/referrals                             401   200   200   200   200   200   200   200   200   200   200
POST /api/referrals                            401   422   422   422   422   422   422   422   422   422   422
GET /api/referrals/{referral_id}               401   404   404   200   404   404   200   404   404   404   404
GET /api/forum-actions/overdue                 401   200   200   200   200   200   200   200   200   200   200
GET /api/workshops                             401   200   200   200   200   200   200   200   200   200   200
GET /api/workshops/{workshop_id}/bookings      401   404   404   404   404   404   404   404   404   404   404
"""


# The case-work writes again, each with a body it would accept (access_world.valid_bodies), so the
# answer is the permission itself: 201 for whoever may write, 404 across the barrier and for anyone
# off the case, 422 for a side of the case that may see it but not make this (partner support cannot
# list a case at MATAC, which hears him). Each request is rolled back, so every role meets the same world.
WRITES = """
# endpoint                                    anon  comm   fin    pm    pw   psw    pa panel  eval admin   out
POST /api/cases/{case_id}/contacts             401   404   404   201   201   404   404   404   404   404   404
POST /api/cases/{case_id}/needs                401   404   404   201   201   404   404   404   404   404   404
POST /api/cases/{case_id}/goals                401   404   404   201   201   404   404   404   404   404   404
POST /api/cases/{case_id}/people/{member_id}/dash-assessments 401   404   404   404   404   201   404   404   404   404   404
POST /api/cases/{case_id}/people/{member_id}/safety-plans 401   404   404   404   404   201   404   404   404   404   404
POST /api/cases/{case_id}/forum-listings       401   404   404   201   201   422   404   404   404   404   404
POST /api/forum-listings/{listing_id}/actions  401   404   404   201   201   404   404   404   404   404   404
POST /api/forum-actions/{action_id}/status     401   404   404   201   201   404   404   404   404   404   404
"""


def expected_matrix(table: str = MATRIX) -> dict[str, dict[str, int]]:
    rows = {}
    for line in table.strip().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        *endpoint, = line.split()
        method, target, statuses = endpoint[0], endpoint[1], endpoint[2:]
        assert len(statuses) == len(COLUMNS), f"row {method} {target} has {len(statuses)} statuses, not {len(COLUMNS)}"
        rows[f"{method} {target}"] = {column: int(s) for column, s in zip(COLUMNS, statuses)}
    return rows


def format_matrix(observed: dict[str, dict[str, int]]) -> str:
    width = max(len(e) for e in observed) + 2
    lines = ["# " + "endpoint".ljust(width - 2) + " ".join(s.rjust(5) for s in SHORT)]
    for endpoint, statuses in observed.items():
        lines.append(endpoint.ljust(width) + " ".join(str(statuses[c]).rjust(5) for c in COLUMNS))
    return "\n".join(lines) + "\n"
