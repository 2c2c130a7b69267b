"""French entity rules by the SHAPE of a span (pipeline/lexicons/entities.fr.json), not by single names.

Lines are real aligned UNPC v1.0 development-set lines (line number in the comment) from documents outside every
test, dev, fresh and blind set; the English aligned line is what the span must match (GUIDELINES.md).
"""
import pytest

from .conftest import rule_spans


def spans(text: str) -> list[tuple[str, str, str]]:
    return rule_spans("fr", text)


@pytest.mark.parametrize("text, expected", [
    # 1028: "From 2002 to 2004": a range opened by a capitalised 'De' at the start of a sentence is one DATE
    ("De 2002 à 2004, Mme Yoon a été en poste à la Mission permanente de la République de Corée.",
     ("DATE", "2002 à 2004", "2002/2004")),
    ("Entre octobre 2013 et février 2014, rien n'a changé.",
     ("DATE", "octobre 2013 et février 2014", "2013-10/2014-02")),
])
def test_range_opened_at_sentence_start(text, expected):
    assert expected in spans(text)


@pytest.mark.parametrize("text, span", [
    # 1385 "the Additional Protocol", 1490 "the Optional Protocol": the adjective is part of the short title
    ("Elle demande à tous les États de signer et de ratifier le Protocole additionnel sans retard.",
     "le Protocole additionnel"),
    ("Le Comité recommande que la Convention, le Protocole facultatif et les recommandations générales du Comité",
     "le Protocole facultatif"),
    # 97 "Ankara Agreement", 2228 "Vienna Convention", "Paris Convention": an instrument named by its place
    ("En aucun cas les dispositions de l'Accord d'Angora de 1921 ne peuvent être invoquées.", "Accord d'Angora"),
    ("la Convention de Vienne de 1997, et le Protocole de 2004 à la Convention de Paris.", "Convention de Vienne"),
    ("la Convention de Vienne de 1997, et le Protocole de 2004 à la Convention de Paris.", "Convention de Paris"),
])
def test_instrument_shapes(text, span):
    assert span in [t for label, t, _ in spans(text) if label == "TREATY"]


@pytest.mark.parametrize("text", [
    # 1146 "International Charter on Space and Major Disasters", 2519 "Geneva ... Charter on Sustainable Housing":
    # another charter, not the Charter of the United Nations
    "des utilisateurs autorisés de la Charte internationale Espace et catastrophes majeures au titre de son initiative",
    "Le Comité a approuvé la Charte de Genève sur le logement durable, destinée à améliorer le logement.",
    # 1830 "Ouagadougou Preliminary Agreement": a longer name, not the short title 'l'Accord'
    "y compris celles qui ne sont pas signataires de l'Accord préliminaire de Ouagadougou, qu'elles mettent fin",
    # a person's statement is no instrument
    "la Déclaration de M. Smith et la Déclaration de Mme Dupont",
])
def test_no_short_title_inside_a_longer_name(text):
    assert not [s for s in spans(text) if s[0] == "TREATY" and s[1] in ("Charte", "la Charte", "l'Accord")]
    assert not [s for s in spans(text) if s[2] == "Charter of the United Nations"]


def test_charter_short_title_kept():
    found = spans("conformément à la Charte et à l'Article 2 de la Charte des Nations Unies.")
    assert ("TREATY", "la Charte", "Charter of the United Nations") in found
    assert ("TREATY", "Charte des Nations Unies", "Charter of the United Nations") in found


@pytest.mark.parametrize("text, expected", [
    # 1736 "Working Capital Fund", 2080 "Headquarters Committee on Contracts", 1534 "World Urban Forum": funds and
    # bodies whose French names have lower-case words are names of the gazetteer (names.fr.tsv)
    ("à recourir au Fonds de roulement et au Compte spécial", ("ORG", "Fonds de roulement", "Working Capital Fund")),
    ("sans consulter le Comité des marchés du Siège.",
     ("ORG", "Comité des marchés du Siège", "Headquarters Committee on Contracts")),
    ("les sessions du Forum urbain mondial", ("ORG", "Forum urbain mondial", "World Urban Forum")),
    # 3910: a sanctions committee is one ORG, the resolution in its name no span of its own (gold unpc:76)
    ("le Comité du Conseil de sécurité créé par la résolution 2140 (2014) a tenu",
     ("ORG", "Comité du Conseil de sécurité créé par la résolution 2140 (2014)",
      "Security Council Committee established pursuant to resolution 2140 (2014)")),
])
def test_names_with_lower_case_words(text, expected):
    assert expected in spans(text)


def test_march_and_may_alone_are_months():
    # 3598 "rejected in March and April 2014", 2076 "by mid-March ... by the end of May": lower-case 'mars' and
    # 'mai' are months (the planet and other words are capitalised)
    assert [t for label, t, _ in spans("rejetées en mars et en avril 2014, ce qui a compromis") if label == "DATE"] \
        == ["mars", "avril 2014"]
    assert [t for label, t, _ in spans("d'ici à la mi-mars, et l'unité fluviale d'ici à la fin mai.")
            if label == "DATE"] == ["mars", "mai"]


def test_sanctions_panel_by_its_full_name():
    # 2387 "Panel of Experts on Libya": the panel's full name, not the bare 'Groupe d'experts'
    assert ("ORG", "Groupe d'experts sur la Libye", "Panel of Experts on Libya") in spans("19. Groupe d'experts sur la Libye")


@pytest.mark.parametrize("text, expected", [
    # 704, 2018, 1364: a body named without its parent (GUIDELINES: "Special Committee", "Group of Experts"), ORG with
    # the id the document gives, none here
    ("Le Comité consultatif recommande que l'Assemblée générale prie le Secrétaire général",
     ["Comité consultatif", "Assemblée générale"]),
    ("À sa 2e séance, le Comité préparatoire a adopté son projet de rapport", ["Comité préparatoire"]),
    ("Les présidents peuvent être invités aux réunions du Comité exécutif.", ["Comité exécutif"]),
    # the full name is the gazetteer's, not the bare body
    ("le Comité consultatif pour les questions administratives et budgétaires",
     ["Comité consultatif pour les questions administratives et budgétaires"]),
    ("le Comité exécutif de lutte contre la traite", []),
    # 1925 "the Open-ended Working Group"; 'chargé d'étudier ...' opens a longer name (train unpc:1819: no span)
    ("Un rapport a été présenté au Groupe de travail à composition non limitée à sa neuvième réunion.",
     ["Groupe de travail à composition non limitée"]),
    ("intitulé << Groupe de travail à composition non limitée chargé d'étudier la question >>", []),
])
def test_bodies_named_without_their_parent(text, expected):
    assert [t for label, t, _ in spans(text) if label == "ORG"] == expected


def test_framework_convention_short_title_and_agenda_2030():
    found = spans("les Parties à la Convention-cadre et le Programme 2030")
    assert ("TREATY", "la Convention-cadre", "") in [(lab, t, i or "") for lab, t, i in found]
    assert ("TREATY", "Programme 2030", "2030 Agenda for Sustainable Development") in found
    assert not [s for s in found if s[0] == "DATE"]  # the 2030 of the Agenda's name is no date


# --- session 10 (line numbers: /tmp/unpc-open, the UNPC dev set without any test or fresh document) -------------

@pytest.mark.parametrize("text, expected", [
    # 2526 "the Basel, Rotterdam and Stockholm conventions": names that share their head are one TREATY, no id
    ("Autres questions aux fins d'appui à la mise en œuvre des conventions de Bâle, de Rotterdam et de Stockholm, sur "
     "demande, par les Parties.", [("TREATY", "conventions de Bâle, de Rotterdam et de Stockholm", "")]),
    ("les Protocoles de Kyoto et de Montréal", [("TREATY", "Protocoles de Kyoto et de Montréal", "")]),
    # an instrument of another kind after 'et' is no place: the Geneva Conventions keep their own name
    ("les Conventions de Genève et Protocoles additionnels", [("TREATY", "Conventions de Genève", "Geneva Conventions")]),
    # their secretariat is the gazetteer's ORG, the collective name no span inside it
    ("le Secrétariat des conventions de Bâle, de Rotterdam et de Stockholm a présenté",
     [("ORG", "Secrétariat des conventions de Bâle, de Rotterdam et de Stockholm",
       "Secretariat of the Basel, Rotterdam and Stockholm Conventions")]),
    # one convention and another: two names, each with its id
    ("la Convention de Rotterdam et la Convention de Bâle",
     [("TREATY", "Convention de Rotterdam", "Rotterdam Convention"), ("TREATY", "Convention de Bâle", "Basel Convention")]),
])
def test_instruments_sharing_their_head(text, expected):
    assert [(lab, t, i or "") for lab, t, i in spans(text) if lab in ("TREATY", "ORG")] == expected


@pytest.mark.parametrize("text, expected", [
    # 1754 "Technical Subcommittee" (dev unpc:2452 gold), 384 "Technical Committee", 133 "Advisory Group",
    # 347 "Coordination Committee", 2086 "Management Committee": bodies named without their parent
    ("a participé pour la deuxième fois aux débats du Sous-Comité technique, qui s'est réuni au", ["Sous-Comité technique"]),
    ("se référant également au mandat du Comité technique, révisé à sa cinquième session", ["Comité technique"]),
    ("Comme suite à ces débats, le Groupe consultatif présente ci-après ses conclusions", ["Groupe consultatif"]),
    ("une consultation avec le Comité de coordination et le Secrétaire général adjoint", ["Comité de coordination"]),
    ("13. Note que le Comité de gestion a vocation à suivre", ["Comité de gestion"]),
    # 2216: a longer name that no list holds is not cut to its kind
    ("la police de la Force a facilité les réunions du Comité technique de la criminalité et des questions pénales", []),
])
def test_more_bodies_named_without_their_parent(text, expected):
    assert [t for label, t, i in spans(text) if label == "ORG" and not i] == expected


@pytest.mark.parametrize("text, expected", [
    # 2363 "Maritime Safety Committee", "Marine Environment Protection Committee" (IMO), 2459 "Vendor Review
    # Committee", 1984 "Transnational Crime Unit", 1808 "Geneva United Nations Charter on Sustainable Housing":
    # official French names, with the id the other languages give
    ("Il a présenté au Comité de la sécurité maritime un rapport similaire à celui soumis au Comité de la "
     "protection du milieu marin.", [("ORG", "Maritime Safety Committee"), ("ORG", "Marine Environment Protection Committee")]),
    ("le Comité d'examen des fournisseurs recommandait la notification", [("ORG", "Vendor Review Committee")]),
    ("l'appui à la Cellule de lutte contre la criminalité transnationale", [("ORG", "Transnational Crime Unit")]),
    ("Le Comité a approuvé la Charte de Genève sur le logement durable, destinée à",
     [("TREATY", "Geneva United Nations Charter on Sustainable Housing")]),
    # 1680, 2334: the spellings of UN letters besides the official ones ('dégagement', 'pour l'Iraq')
    ("la Force des Nations Unies chargée d'observer le désengagement (FNUOD)",
     [("ORG", "United Nations Disengagement Observer Force"), ("ORG", "United Nations Disengagement Observer Force")]),
    ("la Mission d'assistance des Nations Unies en Iraq (MANUI)",
     [("ORG", "United Nations Assistance Mission for Iraq"), ("ORG", "United Nations Assistance Mission for Iraq")]),
])
def test_official_names_session10(text, expected):
    assert [(lab, i) for lab, t, i in spans(text) if lab in ("ORG", "TREATY")] == expected


@pytest.mark.parametrize("text, expected", [
    # 1404 "after 2015" (train unpc:1968 gold: DATE): 'après' as a preposition keeps the year
    ("Financement de la gestion financière durable après 2015", ["2015"]),
    # the post-2015 agenda is no date, with or without the hyphen
    ("le programme de développement pour l'après-2015, la Commission", []),
    ("le programme de développement pour l'après 2015, la Commission", []),
    # 1221 "Presidential Decree No. 2085": the number of a decree or a law is no year
    ("En 2013, l'adoption du décret présidentiel no 2085 a fait date.", ["2013"]),
    ("la loi n° 1990 du 3 mars 2012", ["3 mars 2012"]),
])
def test_years_after_apres_and_numero(text, expected):
    assert [t for label, t, _ in spans(text) if label == "DATE"] == expected


@pytest.mark.parametrize("text, bad", [
    # shape names (entities.fr.json title_* keys; on in the shipped pipeline since session 12): stop rules for national bodies, verbs and a
    # President's statement, as Spanish and Russian have them
    ("la stratégie actualisée en 2014 sous l'égide du Conseil national de sécurité.", "Conseil national de sécurité"),
    ("le Département de la défense n'avait pas revalidé les besoins", "Département de la défense"),
    ("Le Groupe rappelle que les États parties ont le droit", "Groupe rappelle"),
    ("Déclaration du Président du Conseil de sécurité", "Déclaration du Président"),
])
def test_shape_names_stop_rules(text, bad):
    assert bad not in [t for _, t, _ in rule_spans("fr", text, shape_names=True)]


def test_shape_names_still_find_a_name():
    found = rule_spans("fr", "le Comité d'examen des marchés locaux a approuvé", shape_names=True)
    assert ("ORG", "Comité d'examen des marchés locaux", "") in [(lab, t, i or "") for lab, t, i in found]


def test_staff_regulations_are_no_statute():
    # 905 "Staff Regulations and Rules of the United Nations": not an instrument; 2850 "the Statute" of the IAEA is
    assert not [s for s in spans("en application du Statut et Règlement du personnel de l'Organisation des Nations "
                                 "Unies qui régit la sélection") if s[0] == "TREATY"]
    assert ("TREATY", "Statut") in [(lab, t) for lab, t, _ in
                                    spans("conformément au Statut et aux accords de garanties de l'Agence.")]


def test_un_spider_and_the_rwanda_tribunal_full_name():
    # open line 2378 "UN-SPIDER will continue": the acronym French UN texts keep
    assert ("ORG", "UN-SPIDER",
            "United Nations Platform for Space-based Information for Disaster Management and Emergency Response") in \
        spans("UN-SPIDER continuera de faire connaître ses activités.")
    # open line 572: the Tribunal's full name, as the English line spells it out
    name = ("Tribunal international chargé de juger les personnes accusées d'actes de génocide ou d'autres violations "
            "graves du droit international humanitaire commis sur le territoire du Rwanda et les citoyens rwandais "
            "accusés de tels actes ou violations commis sur le territoire d'États voisins")
    assert ("ORG", name, "International Criminal Tribunal for Rwanda") in \
        spans("16. " + name + " entre le 1er janvier et le 31 décembre 1994.")


# Names by their shape, on in the shipped French pipeline (models/configs/fr.cfg shape_names; session 12): the stop
# rules of entities.fr.json title_org_head / title_treaty_head / title_next / title_two. Sentences written for these
# tests in the style of UN documents.
def shaped(text: str) -> list[tuple[str, str, str]]:
    return [(lab, t, i or "") for lab, t, i in rule_spans("fr", text, shape_names=True)]


@pytest.mark.parametrize("text", [
    # the title of a proposal in quotation marks is no body (GUIDELINES: 'an open-ended working group' in the
    # title of a proposal); « », << >> (as UNPC writes them), “ ” and straight quotes
    "Examen du document de travail présenté par le Mexique et intitulé « Groupe de travail chargé d'étudier la "
    "question des sanctions »",
    "Examen du document de travail présenté par le Mexique et intitulé << Groupe de travail chargé d'étudier la "
    "question des sanctions >>",
    "le document de travail intitulé “Groupe de travail chargé d'étudier la question des sanctions”, présenté",
    'le document de travail intitulé "Groupe de travail chargé d\'étudier la question des sanctions", présenté',
])
def test_shape_names_not_in_quoted_titles(text):
    assert not [s for s in shaped(text) if s[1].startswith("Groupe de travail")]


def test_quoted_title_keeps_known_names_and_bodies_outside_quotes():
    found = shaped("intitulé « Groupe de travail sur l'application de la Charte des Nations Unies »")
    assert ("TREATY", "Charte des Nations Unies", "Charter of the United Nations") in found
    assert not [s for s in found if s[0] == "ORG"]
    assert ("ORG", "Groupe de travail", "") in shaped("Le Groupe de travail chargé d'étudier la question des "
                                                     "sanctions s'est réuni deux fois.")
    # a statement in quotation marks is no instrument either
    assert not [s for s in shaped("la légitimité de la « Déclaration de Tanaka » a été contestée.")
                if s[0] == "TREATY"]


@pytest.mark.parametrize("text, bad", [
    # the subject of a report, a period, a place: no part of the body's name
    ("Adoption du rapport de la Commission sur les travaux de sa soixante-dixième session.", "Commission sur"),
    ("la feuille de route adoptée par la Commission pour la période 2016-2018", "Commission pour"),
    ("La présence de la Mission sur le terrain a été réduite.", "Mission sur"),
    # a Special Rapporteur's mandate, not the Council's name
    ("Prenant note du rapport du Rapporteur spécial du Conseil sur la promotion du droit à l'alimentation,",
     "Conseil sur"),
    # a number, a pronoun, an article, 'la façon dont': no complement
    ("Prie le Groupe d'experts de présenter son programme de travail au Comité trente jours au plus tard.",
     "Comité trente"),
    ("les sommes versées par le Fonds et d'en informer les donateurs", "Fonds et"),
    ("le secrétariat a appuyé les réunions du Forum et de la célébration de la Journée.", "Forum et"),
    ("le Groupe consultatif a remercié le secrétariat du Fonds pour la façon dont il a été géré.", "Fonds pour"),
    # two bodies, a trust fund with no name, national machinery, a delegation's general statement
    ("les relations entre le Bureau et l'Administration ont été examinées.", "Bureau et"),
    ("Les contributions versées au Fonds d'affectation spéciale sont vivement appréciées.", "Fonds d'affectation"),
    ("Le Mécanisme national de promotion de la femme a été renforcé.", "Mécanisme national"),
    ("Déclaration générale sur la non-prolifération des armes nucléaires", "Déclaration générale"),
])
def test_shape_name_stop_families(text, bad):
    assert not [s for s in shaped(text) if s[1].startswith(bad)]


def test_shape_names_keep_known_names_and_ids():
    # a Main Committee (ordinal) and a mission's acronym keep their own spans and ids
    found = shaped("Le Président de la Quatrième Commission de l'Assemblée générale a présenté le rapport.")
    assert ("ORG", "Quatrième Commission", "UN General Assembly Fourth Committee") in found
    assert ("ORG", "Assemblée générale", "UN General Assembly") in found
    found = shaped("Les effectifs de la Force de la MINUSCA ont été renforcés.")
    assert [s[1] for s in found] == ["MINUSCA"]
    # a year after an instrument's place is a DATE, not part of its name
    found = shaped("la Convention de Vienne de 1997 sur la réparation des dommages nucléaires")
    assert ("TREATY", "Convention de Vienne", "") in found and ("DATE", "1997", "1997") in found


@pytest.mark.parametrize("text, name", [
    ("le rapport du Groupe de travail sur la viabilité à long terme des activités spatiales du Sous-Comité "
     "scientifique et technique", "Groupe de travail sur la viabilité à long terme des activités spatiales"),
    ("Le Président a rendu compte des travaux du Groupe consultatif de haut niveau du Secrétariat de l'ONU.",
     "Groupe consultatif de haut niveau du Secrétariat de l'ONU"),
])
def test_shape_names_whole_name(text, name):
    assert ("ORG", name, "") in shaped(text)


def test_shipped_french_pipeline_keeps_shape_names_off():
    """The shipped French pipeline proposes no body from its shape alone (models/configs/fr.cfg: on, the studied
    held-out sets lost precision), so an unlisted committee is not an ORG while the stop rules above stay ready."""
    from pipeline import models
    from pipeline.evaluation import run
    nlp = models.load(models.resolve(None, "fr"))
    text = "Le Comité d'examen des marchés locaux a approuvé le rapport de l'Organisation des Nations Unies."
    got = [(e["label"], text[e["start"]:e["end"]]) for e in run.predict(nlp, [{"text": text}])[0]["entities"]]
    assert got == [("ORG", "Organisation des Nations Unies")]


# --- session 12 (fr, cross-lingual ids): date ranges after 'entre', official names with the gazetteer's ids ---
@pytest.mark.parametrize("text, expected", [
    # open lines 1275, 1832, 2699, 2854: "between 2005 and 2009" is one range in English, and in French
    ("Entre 2005 et 2009, les indicateurs du surpeuplement ont chuté.", ("DATE", "2005 et 2009", "2005/2009")),
    ("Au total, l'Espagne a octroyé 55 bourses à des étudiants sahraouis entre 2002 et 2012.",
     ("DATE", "2002 et 2012", "2002/2012")),
])
def test_year_range_after_entre(text, expected):
    found = spans(text)
    assert expected in found
    # the two years are not also dates of their own
    assert ("DATE", expected[1][:4], expected[1][:4]) not in found


@pytest.mark.parametrize("text, expected", [
    # no 'entre': two years, two dates; a pair of days stays a pair ('and', not 'to')
    ("les élections de 2008 et 2013 ont eu lieu", [("2008", "2008"), ("2013", "2013")]),
    ("entre 2008 et 2013/14 le budget a crû", [("2008", "2008"), ("2013/14", "2013/2014")]),
    ("les 14 et 15 mars 2014 à Genève", [("14 et 15 mars 2014", "2014-03-14/2014-03-15")]),
])
def test_year_pair_without_entre_stays_apart(text, expected):
    assert [(t, i) for lab, t, i in spans(text) if lab == "DATE"] == expected


@pytest.mark.parametrize("text, expected", [
    # open 384 "Palestinian Authority", 491 "WHO Expert Committee on Drug Dependence", 2061 "ENFORCE",
    # 706/2768 "1971 Convention" (drug control; the dev gold gives the id too)
    ("Représentant personnel auprès de l'Organisation de libération de la Palestine et de l'Autorité palestinienne.",
     [("ORG", "Palestine Liberation Organization"), ("ORG", "Palestinian Authority")]),
    ("la version préliminaire du rapport du Comité d'experts de la pharmacodépendance de l'OMS",
     [("ORG", "WHO Expert Committee on Drug Dependence")]),
    ("les travaux du Réseau environnemental pour l'optimisation du respect de la réglementation sur le trafic illicite.",
     [("ORG", "Environmental Network for Optimizing Regulatory Compliance on Illegal Traffic")]),
    ("soit placée sous contrôle international au titre du Tableau I de la Convention de 1971.",
     [("TREATY", "Convention on Psychotropic Substances")]),
    ("le Comité exécutif du Programme du Haut-Commissaire des Nations Unies pour les réfugiés",
     [("ORG", "Executive Committee of the Programme of the United Nations High Commissioner for Refugees")]),
    ("le Tribunal international pour l'ex-Yougoslavie", [("ORG", "International Criminal Tribunal for the former Yugoslavia")]),
    ("l'Accord de paix de Dayton", [("TREATY", "General Framework Agreement for Peace in Bosnia and Herzegovina")]),
    ("la Convention de Palerme", [("TREATY", "United Nations Convention against Transnational Organized Crime")]),
    ("le Mouvement des non-alignés", [("ORG", "Non-Aligned Movement")]),
])
def test_official_names_session12(text, expected):
    assert [(lab, i) for lab, t, i in spans(text) if lab in ("ORG", "TREATY")] == expected
