"""After the money lines are read: the rules that give, take off or mend each line's other party, in the order they
must run (a later rule reads what an earlier one left). Each rule's own module says what it reads and why."""

from .accepted_grants import accepted_grants
from .acronym_pairs import named_by_initials_in_pairs
from .allocated_to_area import funder_of_area_sum
from .announced import drop_announced_parties
from .awarded_by import awarded_by
from .awarded_provider import named_by_direct_award_elsewhere
from .awarded_subject import named_as_awarded
from .balances import named_after_balance
from .bare_bodies import drop_bare_bodies
from .beside import named_beside
from .bid_limits import drop_bid_limit_parties
from .body_before_project import bodies_before_projects
from .boost_for import named_after_grant_for
from .bracketed import named_before_brackets
from .breakdown import parts_take_the_sum
from .cited_figures import drop_cited_figures
from .commissioned_service import commissioned_service
from .contact_lines import drop_contact_names
from .cut_names import mend_cut_names
from .delegated import drop_delegated_groups
from .described_rows import drop_descriptions
from .devolved_recipients import named_as_devolved_recipient
from .direct_awards import named_by_direct_award
from .draft import MoneyItem
from .examples import drop_example_parties
from .from_each import named_after_each_from
from .from_named import named_after_from
from .fund_names import drop_fund_names
from .funded_body import funded_body
from .funded_from import funded_from
from .funder_after_sum import funder_named_after_sum
from .funder_by_after_sum import funder_named_by_after_sum
from .funder_awards import funders_recipients
from .funder_sentences import funders_beside
from .funding_received_from import funding_received_from
from .funding_to_be_received import named_by_funding_received
from .funding_to_one_body import bullets_of_one_body
from .given_to_after import named_as_given_to
from .government import government_funding
from .grant_between import grant_between
from .grant_helped import named_as_helped_by_grant
from .grant_limits import limits_not_grants
from .granted_allocations import granted_allocations
from .held_balances import drop_held_balance_parties
from .held_budgets import drop_held_budget_parties
from .held_by import held_by
from .labelled_field import named_in_a_labelled_field
from .last_readings import read_last
from .launched_funds import drop_launched_fund_parties
from .lettered import named_in_lettered_requests
from .list_heads import whole_list_heads
from .list_leads import named_at_list_head
from .listed_projects import named_under_listed_projects
from .listed_receipts import named_in_receipt_lists
from .meeting_body import drop_meeting_body
from .misnamed import drop_no_bodies
from .money import Context
from .name_heads import name_heads
from .named_apart import named_apart
from .national_pots import drop_national_pot_parties
from .neighbours import named_in_title
from .next_sentence_funder import funder_in_next_sentence
from .not_bodies import drop_non_bodies
from .offered_funding import offered_funding
from .own_accounts import drop_own_accounts
from .own_fund_moves import own_fund_moves
from .own_funding import drop_own_funding_parties
from .own_place import drop_own_places
from .own_posts import drop_own_posts
from .own_programmes import drop_own_programmes
from .own_share_sums import drop_government_on_own_sums
from .paired_runs import name_paired_runs
from .parties import the_force_named
from .passed_on_to import named_as_passed_on_to
from .payment_cells import named_in_payment_cells
from .pence import unit_charges
from .per_recipient import drop_per_recipient_parties
from .possessive import take_off_possessives
from .posts_for import bodies_not_their_posts
from .programme_initials import named_by_programme_initials
from .project_names import take_body_after_project
from .received import funder_before
from .received_by_name import named_as_receiving
from .received_or_asked_from import named_as_giver_or_asker
from .referred_back import named_by_the_noun_before
from .report_bylines import drop_bylines_and_services
from .respectively import paired_respectively
from .restated import flag_restated_sums
from .restated_totals import join_restated_totals
from .rounded import join_rounded_sums
from .run_in import take_off_run_in_words
from .schemes import drop_scheme_parties
from .sectors import drop_sector_parties
from .shared_out import drop_shared_out_parties
from .shared_totals import shared_totals
from .shares_named import named_beside_shares
from .sole_provider import sole_provider
from .spending_bands import spending_bands
from .spoken_of import named_in_passing
from .stated_parties import read_stated_parties
from .subject_applicant import named_as_applicant_or_recipient
from .sum_first_bullets import name_sum_first_bullets
from .sum_goes_to import sums_going_to
from .this_grant import named_by_earlier_receipt
from .threshold_limits import drop_threshold_parties
from .title_services import drop_title_services
from .to_receive import named_as_to_receive
from .total_costs import costs_not_totals
from .totalled import totals_of_many
from .unnamed_applicant import unnamed_applicant
from .virements import drop_virement_parties
from .whole_names import whole_names
from .work_headings import firms_not_their_work
from .worked_on import drop_buildings_worked_on
from .yearly_repeats import split_yearly_repeats


def settle_parties(ctx: Context, text: str, money: list[MoneyItem], title_spans) -> None:
    """Run every party rule over the drafted money lines, in order."""
    named_in_title(ctx, money, title_spans)
    drop_meeting_body(text, money, title_spans)
    the_force_named(money, ctx.organisations)
    parts_take_the_sum(text, money)
    funder_before(text, money)
    drop_no_bodies(text, money)
    paired_respectively(ctx, money)
    named_beside(ctx, money)
    funded_from(ctx, money)
    named_after_each_from(ctx, money)
    named_after_from(ctx, money)
    awarded_by(ctx, money)
    named_at_list_head(ctx, money)
    named_before_brackets(ctx, money)
    named_under_listed_projects(ctx, money)
    named_by_initials_in_pairs(ctx, money)
    named_after_balance(ctx, money)
    funders_beside(ctx, money)
    government_funding(ctx, money)
    accepted_grants(ctx, money)
    sole_provider(ctx, money)
    unnamed_applicant(ctx, money)
    funded_body(ctx, money)
    drop_own_posts(text, money)
    drop_descriptions(text, money)
    whole_names(text, money)
    take_off_run_in_words(money)
    take_off_possessives(text, money)
    take_body_after_project(text, money)
    drop_fund_names(text, money)
    funders_recipients(ctx, money)
    drop_virement_parties(ctx, money)
    drop_sector_parties(text, money)
    drop_buildings_worked_on(text, money)
    drop_own_places(text, money)
    drop_delegated_groups(text, money)
    named_in_passing(ctx, money)
    named_in_lettered_requests(ctx, money)
    firms_not_their_work(text, money)
    drop_non_bodies(money)
    drop_own_programmes(text, money)
    drop_launched_fund_parties(text, money)
    drop_shared_out_parties(ctx, money)
    drop_cited_figures(ctx, money)
    drop_own_funding_parties(text, money)
    drop_scheme_parties(text, money)
    drop_bid_limit_parties(text, money)
    mend_cut_names(text, money)
    name_paired_runs(text, money)
    name_sum_first_bullets(text, money)
    join_rounded_sums(ctx.layout, money)
    offered_funding(ctx, money)
    drop_contact_names(text, money)
    drop_announced_parties(text, money)
    funding_received_from(text, money)
    named_after_grant_for(text, money)
    named_apart(ctx, money)
    read_stated_parties(text, money)
    read_last(text, money)
    funder_in_next_sentence(text, money)
    held_by(text, money)
    grant_between(text, money)
    commissioned_service(text, money)
    drop_example_parties(text, money)
    named_in_payment_cells(text, money)
    bodies_not_their_posts(text, money)
    drop_threshold_parties(text, money)
    named_by_earlier_receipt(text, money)
    named_by_direct_award(text, money)
    named_by_funding_received(text, money)
    named_by_programme_initials(text, money)
    spending_bands(text, money)
    named_as_given_to(text, money)
    named_by_direct_award_elsewhere(text, money)
    named_beside_shares(text, money)
    funder_of_area_sum(text, money)
    name_heads(text, money)
    totals_of_many(text, money)
    named_as_receiving(text, money)
    bullets_of_one_body(text, money)
    drop_bylines_and_services(money)
    named_as_giver_or_asker(text, money)
    named_as_passed_on_to(text, money)
    named_as_awarded(text, money)
    drop_bare_bodies(text, money)
    drop_national_pot_parties(text, money)
    drop_own_accounts(money)
    drop_title_services(money)
    drop_held_balance_parties(text, money)
    sums_going_to(text, money)
    bodies_before_projects(text, money)
    unit_charges(text, money)
    whole_list_heads(text, money)
    funder_named_after_sum(text, money)
    named_as_applicant_or_recipient(text, money)
    shared_totals(text, money)
    costs_not_totals(text, money)
    limits_not_grants(text, money)
    own_fund_moves(text, money)
    flag_restated_sums(text, money)
    join_restated_totals(money)
    named_in_receipt_lists(text, money)
    drop_government_on_own_sums(text, money)
    funder_named_by_after_sum(text, money)
    named_in_a_labelled_field(text, money)
    granted_allocations(text, money)
    named_as_to_receive(text, money)
    named_as_helped_by_grant(text, money)
    drop_held_budget_parties(text, money)
    named_as_devolved_recipient(text, money)
    split_yearly_repeats(text, money)
    named_by_the_noun_before(text, money)
    drop_per_recipient_parties(text, money)
