import pytest

from lawdiff.address import Address, parse, resolve, section_key
from lawdiff.errors import AddressError


@pytest.mark.parametrize("text, expected", [
    ("§ 68 a", Address(section="68 a")),
    ("§\u00a068\u00a0a", Address(section="68 a")),
    ("§ 68a", Address(section="68 a")),
    ("§ 68 a, stk. 3, 2. pkt.", Address(section="68 a", subsection="3", pkt=2)),
    ("§ 30 a, stk. 3, nr. 2", Address(section="30 a", subsection="3", paragraph="2")),
    ("§ 10, stk. 1, nr. 4, litra b", Address(section="10", subsection="1", paragraph="4", point="b")),
    ("§ 10 stk. 1 nr. 4 litra b", Address(section="10", subsection="1", paragraph="4", point="b")),
    ("§§ 9-12", Address(section="9", section_to="12")),
    ("§§ 9 og 10", Address(section="9", section_to="10")),
    ("kapitel 12 a", Address(chapter="12 a")),
])
def test_parse(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize("text", ["§ 68 a, stk. 3, 2. pkt.", "§ 30 a, stk. 3, nr. 2",
                                  "§ 10, stk. 1, nr. 4, litra b", "§§ 9-12", "kapitel 12 a"])
def test_format_round_trips(text):
    assert str(parse(text)) == text


@pytest.mark.parametrize("bad", ["", "68 a", "§", "stk. 2", "§ 68 a, stk. x", "§ 5, pkt. 2"])
def test_parse_refuses_garbage(bad):
    with pytest.raises(AddressError) as e:
        parse(bad)
    assert "kan ikke læses" in e.value.message


def test_section_order():
    assert section_key("68") < section_key("68 a") < section_key("68 b") < section_key("69")
    assert section_key("75 z") < section_key("75 æ") < section_key("75 ø") < section_key("75 å")


def test_resolve_real_units(store):
    lab = store.load("lab@2016-11-21")
    assert resolve(lab, "§ 68 a, stk. 1").units[0].own_lines()[0].startswith(
        "Personer under 40 år, der har komplekse problemer")
    nr2 = resolve(lab, "§ 30 a, stk. 3, nr. 2").units[0]
    assert "indsats på disse områder" in nr2.own_lines()[0]
    assert resolve(lab, "§ 68 a, stk. 8, 2. pkt.").pkt_text.startswith("Fylder personen 40 år")
    rng = resolve(lab, "§§ 68 a-68 c").units
    assert [s.num for s in rng] == ["68 a", "68 b", "68 c"]


def test_resolve_names_nearest_units(store):
    lab = store.load("lab@2016-11-21")
    with pytest.raises(AddressError) as e:
        resolve(lab, "§ 68 z")
    assert "§ 68 z findes ikke" in e.value.message and "§ 69" in e.value.hint
    with pytest.raises(AddressError) as e:
        resolve(lab, "§ 68 a, stk. 12")
    assert "stk. 9" in e.value.hint
    with pytest.raises(AddressError) as e:
        resolve(lab, "§ 68 a, stk. 8, 3. pkt.")
    assert "har 2 punktummer" in e.value.hint


def test_repealed_range_placeholder_is_found(store):
    lab = store.load("lab@2016-11-21")
    unit = resolve(lab, "§ 67 c").units[0]
    assert unit.num == "67 a-67 f" and unit.children[0].own_lines() == ["(Ophævet)"]


def test_wrong_letter_case_gets_a_hint_not_a_match(store):
    # the act has § 68 a; "§ 68 A" is not read case-blind, but the hint names the § meant
    lab = store.load("lab")
    with pytest.raises(AddressError) as e:
        resolve(lab, "§ 68 A")
    assert "§ 68 A findes ikke" in str(e.value)
    assert "mente du § 68 a?" in e.value.hint


@pytest.mark.parametrize("careless, meant", [
    ("§ 68 a, stk 1", "§ 68 a, stk. 1"),
    ("paragraf 68 a, stk. 2", "§ 68 a, stk. 2"),
    ("§ 68 a, stk. 2, nr 3", "§ 68 a, stk. 2, nr. 3"),
    ("§ 68 a, stk. 2, 2 pkt", "§ 68 a, stk. 2, 2. pkt."),
])
def test_careless_address_is_refused_with_the_meant_one_as_hint(careless, meant):
    # never read leniently: the address is refused, and the hint shows the spelling meant
    with pytest.raises(AddressError) as e:
        parse(careless)
    assert e.value.hint == f'mente du "{meant}"?'
    assert parse(meant)


def test_garbage_address_keeps_the_general_hint():
    with pytest.raises(AddressError) as e:
        parse("hest")
    assert e.value.hint.startswith("skriv den som i loven")


def test_careless_citation_in_a_proposal_is_refused_with_the_meant_one_as_hint():
    from lawdiff.address import parse_citation
    with pytest.raises(AddressError) as e:
        parse_citation("§ 68 a, stk 4")
    assert e.value.hint == 'mente du "§ 68 a, stk. 4"?'
    assert parse_citation("§ 68 a, stk. 4")
    with pytest.raises(AddressError) as e:
        parse_citation("hest")
    assert e.value.hint.startswith("skriv den som i en ændringslov")


def test_a_heading_wording_ends_where_og_i_opens_a_new_place():
    """lov 322/2016: "I overskriften til kapitel 2 og i § 2, stk. 1, 1. pkt., og § 31 ændres »…«": the heading of
    kapitel 2, then § 2, stk. 1, 1. pkt. and § 31 themselves (it was read as headings of § 2 and § 31)."""
    from lawdiff.address import parse_citation

    got = [(c.special, c.address.chapter, c.address.section, c.address.pkt)
           for c in parse_citation("overskriften til kapitel 2 og i § 2, stk. 1, 1. pkt., og § 31")]
    assert got == [("overskriften til", "2", None, None), (None, None, "2", 1), (None, None, "31", None)]
