"""Spanish entity rules by the SHAPE of a span (pipeline/lexicons/entities.es.json), not by single names.

Lines are real aligned UNPC v1.0 development-set lines (line number in the comment) from documents outside every
test, dev, fresh and blind set; the aligned English line and GUIDELINES.md (with annotations/entities/new/
README_fr_es.md for Spanish) say what the span is.
"""
import pytest

from .conftest import rule_spans


def spans(text: str, shape_names: bool = False) -> list[tuple[str, str, str]]:
    """`shape_names`: names by their shape on, as the shipped Spanish pipeline has them."""
    return rule_spans("es", text, shape_names=shape_names)


@pytest.mark.parametrize("text, expected", [
    # 1028 "from 2002 to 2004": 'entre 2010 y 2013' is one DATE (README_fr_es.md), also capitalised, also 'los años'
    ("La Sra. Yoon prestó servicios en la Misión Permanente de la República de Corea ante las Naciones Unidas entre "
     "2002 y 2004.", ("DATE", "2002 y 2004", "2002/2004")),
    ("Entre 2005 y 2009 hubo una reducción de 10,9 y 10,4 puntos.", ("DATE", "2005 y 2009", "2005/2009")),  # 1783
    ("ha concedido un total de 55 becas a saharauis entre los años 2002 y 2012: 11 en 2002",  # 2551
     ("DATE", "2002 y 2012", "2002/2012")),
    ("4. Número de declarantes del programa por año desde 2006 a 2013", ("DATE", "2006 a 2013", "2006/2013")),  # 1214
    ("31. Entre octubre de 2013 y febrero de 2014, el facilitador se reunió",  # 1739
     ("DATE", "octubre de 2013 y febrero de 2014", "2013-10/2014-02")),
    # 245, 883: a date written without one of its 'de'
    ("Viena, 18 a 22 de mayo 2015", ("DATE", "18 a 22 de mayo 2015", "2015-05-18/2015-05-22")),
    ("a partir del 30 mayo de 2014 y en presencia de testigos", ("DATE", "30 mayo de 2014", "2014-05-30")),
    # pairs of days keep their id
    ("celebradas los días 28 y 29 de enero de 2015", ("DATE", "28 y 29 de enero de 2015", "2015-01-28/2015-01-29")),
])
def test_date_shapes(text, expected):
    assert expected in spans(text)


@pytest.mark.parametrize("text", [
    # years joined by 'y' without 'entre' are two dates ('en 2013 y 2014', 'los informes de 2013 y 2014')
    "Se publicaron en 2013 y 2014 los informes de 2013 y 2014.",
    # two full dates joined by 'y' are two dates
    "el 12 de junio de 2012 y 27 de junio de 2013",
])
def test_no_range_without_entre(text):
    assert all(" y " not in t for label, t, _ in spans(text) if label == "DATE")


@pytest.mark.parametrize("text, span", [
    # 704 "the Advisory Committee", 26 "Executive Board", 805 "Preparatory Committee", 1162 "Permanent Forum",
    # 92 "Governing Council", 2061 "The Working Group", 828 "Working Group of the Whole": bodies named without
    # their parent (GUIDELINES) are ORG, with the id the document gives them
    ("La Comisión Consultiva recomienda que la Asamblea General solicite al Secretario General", "Comisión Consultiva"),
    ("Junta Ejecutiva", "Junta Ejecutiva"),
    ("La secretaría de la Conferencia presentará sus recomendaciones al Comité Preparatorio para que este las examine.",
     "Comité Preparatorio"),
    ("El Foro Permanente también recomendó que la agenda para el desarrollo", "Foro Permanente"),
    ("Al adoptar esa decisión, el Consejo de Administración acogió con beneplácito la flexibilidad",
     "Consejo de Administración"),
    ("50. El Grupo de Trabajo reiteró la importancia de la cooperación", "Grupo de Trabajo"),
    ("y fue examinada en la tercera reunión del Grupo de Trabajo Plenario.", "Grupo de Trabajo Plenario"),
])
def test_bodies_named_alone(text, span):
    assert ("ORG", span) in [(label, t) for label, t, _ in spans(text)]


@pytest.mark.parametrize("text, bad", [
    # lower case is a description (GUIDELINES, Case)
    ("la junta ejecutiva de un fondo y el grupo de trabajo de la región", "junta ejecutiva"),
    # a body with its complement is a longer name, not the bare body
    ("Las recomendaciones presentadas por el Grupo de Trabajo Abierto sobre los Objetivos de Desarrollo Sostenible",
     "Grupo de Trabajo"),
    ("los períodos de sesiones del Comité Preparatorio de la Conferencia de las Partes", "Comité Preparatorio"),
    ("de la Junta Ejecutiva del PNUD y del UNFPA", "Junta Ejecutiva"),
])
def test_bodies_alone_not_descriptions_nor_parts(text, bad):
    assert bad not in [t for _, t, _ in spans(text)]


@pytest.mark.parametrize("text, span", [
    # 1385 "the Additional Protocol", 1490 "the Optional Protocol"
    ("Finlandia exhorta a todos los Estados a que firmen y ratifiquen el Protocolo Adicional sin demora.",
     "Protocolo Adicional"),
    ("vele por que la Convención, el Protocolo Facultativo y las recomendaciones generales del Comité formen parte",
     "Protocolo Facultativo"),
    # 1830, 2232, 2649: agreements by their subject or place
    ("incluidas las que no han firmado el Acuerdo Preliminar de Uagadugú, pongan fin", "Acuerdo Preliminar de Uagadugú"),
    ("El Acuerdo de Cesación de Hostilidades, firmado en Brazzaville en julio de 2014, incluía una mención",
     "Acuerdo de Cesación de Hostilidades"),
    ("constituye una violación del Acuerdo sobre la Separación de las Fuerzas.",
     "Acuerdo sobre la Separación de las Fuerzas"),
    # 1164, 2228: instruments named by their place or subject
    ("el Protocolo sobre el Espacio aportará las normas necesarias para que el Convenio de Ciudad del Cabo pueda",
     "Convenio de Ciudad del Cabo"),
    ("el Protocolo sobre el Espacio aportará las normas necesarias", "Protocolo sobre el Espacio"),
    ("el Convenio sobre Indemnización Suplementaria por Daños Nucleares; y el Protocolo de 2004 por el que se "
     "enmienda el Convenio de París.", "Convenio sobre Indemnización Suplementaria por Daños Nucleares"),
    ("y el Protocolo de 2004 por el que se enmienda el Convenio de París.", "Convenio de París"),
])
def test_instrument_shapes(text, span):
    assert span in [t for label, t, _ in spans(text) if label == "TREATY"]


def test_instrument_shape_stops_at_next_instrument_and_keeps_known_ids():
    found = spans("el Convenio de Basilea y el Convenio de Estocolmo; la Carta de las Naciones Unidas y la Declaración "
                  "Universal de Derechos Humanos")
    assert ("TREATY", "Convenio de Basilea", "Basel Convention") in found
    assert ("TREATY", "Carta de las Naciones Unidas", "Charter of the United Nations") in found
    assert ("TREATY", "Declaración Universal de Derechos Humanos", "Universal Declaration of Human Rights") in found


@pytest.mark.parametrize("text", [
    # 1146: another charter is not the Charter of the United Nations
    "usuarios autorizados de la Carta Internacional sobre el Espacio y los Grandes Desastres en el marco de su iniciativa",
    # the Global Compact is no instrument of States
    "las empresas que participan en el Pacto Mundial de las Naciones Unidas",
])
def test_not_the_charter_nor_global_compact(text):
    found = spans(text)
    assert all(i != "Charter of the United Nations" for _, _, i in found)
    assert not any(t.startswith("Pacto Mundial") for _, t, _ in found)


def test_shape_names_on_for_spanish():
    # models/configs/es.cfg: names no list holds are found by their shape (entities.es.json title_*)
    from pipeline import models
    nlp = models.load(models.resolve(None, "es"))
    assert nlp.get_pipe("unap_entity_rules").shape_names


@pytest.mark.parametrize("text, bad", [
    # a rank, a post, a staff category, a former State and a State's mission are no body (GUIDELINES)
    ("el General de División Purna Chandra Thapa (Nepal) nuevo Jefe de Misión y Comandante de la Fuerza de la FNUOS.",
     "División Purna Chandra Thapa"),
    ("el General de División Purna Chandra Thapa (Nepal) nuevo Jefe de Misión y Comandante de la Fuerza de la FNUOS.",
     "Misión y Comandante"),
    ("el General de División Purna Chandra Thapa (Nepal) nuevo Jefe de Misión y Comandante de la Fuerza de la FNUOS.",
     "Fuerza de la FNUOS"),
    ("1 de P-4, 2 de P-3, 4 del Servicio Móvil y 2 de personal nacional", "Servicio Móvil"),
    ("asignar igual culpa a la Alemania nazi y a la Unión Soviética por el estallido", "Unión Soviética"),
    ("la Misión Permanente de la Argentina ante las Naciones Unidas comunicó", "Misión Permanente de la Argentina"),
    # an ordinal committee keeps its own name ('Segunda Comisión'), not 'Comisión de la Asamblea General'
    ("un acto especial de la Segunda Comisión de la Asamblea General", "Comisión de la Asamblea General"),
    # 'a' joins a name only before an article ('Apoyo a la Misión'): 'del Comité Técnico a Comité Ejecutivo'
    ("1. Decide cambiar la denominación del Comité Técnico a Comité Ejecutivo;", "Comité Técnico a Comité Ejecutivo"),
])
def test_shape_names_not_ranks_posts_states(text, bad):
    assert bad not in [t for _, t, _ in spans(text, shape_names=True)]


@pytest.mark.parametrize("text, span", [
    ("El Comité de Inversiones estará compuesto de nueve miembros", "Comité de Inversiones"),  # 2549
    ("División de Apoyo a la Misión", "División de Apoyo a la Misión"),  # 1035
    ("el Consejo decidió prorrogar el mandato del Grupo de Expertos sobre la República Centroafricana por un período",
     "Grupo de Expertos sobre la República Centroafricana"),  # 1780
    ("en colaboración con la Asociación Mundial para el Agua y otros", "Asociación Mundial para el Agua"),  # 1935
    # 1048: the UN text's own spelling of ASEAN's name keeps its id
    ("los Estados Miembros de la Asociación de Naciones del Asia Sudoriental (ASEAN), celebrado en Seúl",
     "Asociación de Naciones del Asia Sudoriental"),
])
def test_shape_names(text, span):
    assert ("ORG", span) in [(label, t) for label, t, _ in spans(text, shape_names=True)]


@pytest.mark.parametrize("text, span, ident", [
    # a convention's secretariat is one ORG with the id French, Russian and Arabic give it (GUIDELINES, Secretariats);
    # lower-case 'la secretaría del Convenio' is a description
    ("la parte de la Secretaría del Convenio de Rotterdam a cargo de la FAO", "Secretaría del Convenio de Rotterdam",
     "Secretariat of the Rotterdam Convention"),
    ("la Secretaría de los Convenios de Basilea, Estocolmo y Rotterdam", "Secretaría de los Convenios de Basilea, "
     "Estocolmo y Rotterdam", "Secretariat of the Basel, Rotterdam and Stockholm Conventions"),
])
def test_convention_secretariats(text, span, ident):
    assert ("ORG", span, ident) in spans(text)


def test_lower_case_secretariat_is_no_name():
    assert "secretaría del Convenio de Basilea" not in [t for _, t, _ in spans("y la secretaría del Convenio de Basilea")]


@pytest.mark.parametrize("text, span, label, ident", [
    # official Spanish names of bodies and instruments whose id the gazetteer already had in other languages
    # (annotations/gazetteer/names.es.tsv); open UNPC lines (1-based line of /tmp/unpc-open), some shortened
    ("marcha de los trabajos en materia de población en 2015: División de Población, Departamento de Asuntos "
     "Económicos y Sociales", "División de Población", "ORG", "Population Division"),  # 944
    ("b) Modalidades y tendencias de la producción y el consumo: Grupo de Evaluación Tecnológica y Económica.",
     "Grupo de Evaluación Tecnológica y Económica", "ORG", "Technology and Economic Assessment Panel"),  # 1518
    ("Tomando nota de la labor del Grupo de Trabajo de Composición Abierta sobre el Envejecimiento y su contribución",
     "Grupo de Trabajo de Composición Abierta sobre el Envejecimiento", "ORG",
     "Open-ended Working Group on Ageing"),  # 739
    # 83: the whole name, not 'Comité de Programa' cut before 'y de Presupuesto'
    ("del 30º período de sesiones del Comité de Programa y de Presupuesto, declarará abierto",
     "Comité de Programa y de Presupuesto", "ORG", "Programme and Budget Committee"),
    ("la Asociación para la acción en materia de equipo informático y la Red Ambiental para Optimizar el Cumplimiento "
     "de la Legislación en Materia de Tráfico Ilícito.",
     "Red Ambiental para Optimizar el Cumplimiento de la Legislación en Materia de Tráfico Ilícito", "ORG",
     "Environmental Network for Optimizing Regulatory Compliance on Illegal Traffic"),  # 2062
    ("La Secretaría presentó al Comité de Seguridad Marítima en su 93º período de sesiones",
     "Comité de Seguridad Marítima", "ORG", "Maritime Safety Committee"),  # 2363
    ("usuarios autorizados de la Carta Internacional sobre el Espacio y los Grandes Desastres en el marco",
     "Carta Internacional sobre el Espacio y los Grandes Desastres", "TREATY",
     "International Charter on Space and Major Disasters"),  # 820
    ("incluidas las que no han firmado el Acuerdo Preliminar de Uagadugú, pongan fin",
     "Acuerdo Preliminar de Uagadugú", "TREATY", "Ouagadougou Preliminary Agreement"),  # 1312
    # 1590: the UN text writes 'Convenio' where the IAEA's title says 'Convención'
    ("la Convención de Viena de 1997; el Convenio sobre Indemnización Suplementaria por Daños Nucleares; y el Protocolo",
     "Convenio sobre Indemnización Suplementaria por Daños Nucleares", "TREATY",
     "Convention on Supplementary Compensation for Nuclear Damage"),
    ("Instó a los Estados a aplicar la Estrategia Global de las Naciones Unidas contra el Terrorismo",
     "Estrategia Global de las Naciones Unidas contra el Terrorismo", "TREATY",
     "United Nations Global Counter-Terrorism Strategy"),
])
def test_official_names_take_the_shared_id(text, span, label, ident):
    assert (label, span, ident) in spans(text, shape_names=True)


def test_sanctions_committee_is_one_org_with_its_resolution():
    # 779 (a title line): GUIDELINES/gold keep 'resolution N (Y)' inside the committee's name, so no RESOLUTION span
    got = spans("Comité del Consejo de Seguridad establecido en virtud de la resolución 1988 (2011)", shape_names=True)
    assert got == [("ORG", "Comité del Consejo de Seguridad establecido en virtud de la resolución 1988 (2011)",
                    "Security Council Committee established pursuant to resolution 1988 (2011)")]


@pytest.mark.parametrize("text, span, ident", [
    # aligned UNPC lines (open set) where the English pipeline finds the id and Spanish found none (session 10)
    ("y de informarle sobre la creación del Grupo de Amigos de la Familia.", "Grupo de Amigos de la Familia",
     "Group of Friends of the Family"),  # 2593
    ("En la segunda sesión del Grupo de Trabajo Plenario, varias delegaciones expresaron su apoyo a la propuesta.",
     "Grupo de Trabajo Plenario", "Working Group of the Whole"),  # 2805
    ("Comité del Consejo de Seguridad establecido en virtud de la resolución 1737 (2006)",
     "Comité del Consejo de Seguridad establecido en virtud de la resolución 1737 (2006)",
     "Security Council Committee established pursuant to resolution 1737 (2006)"),  # 1351
    ("Comité del Consejo de Seguridad establecido en virtud de la resolución 2048 (2012) relativa a Guinea-Bissau",
     "Comité del Consejo de Seguridad establecido en virtud de la resolución 2048 (2012) relativa a Guinea-Bissau",
     "Security Council Committee established pursuant to resolution 2048 (2012) concerning Guinea-Bissau"),  # 152
    ("a que presten más apoyo a la Dependencia de Lucha contra la Delincuencia Transnacional (DLDT) establecida",
     "Dependencia de Lucha contra la Delincuencia Transnacional", "Transnational Crime Unit"),  # 1984
    ("a que presten más apoyo a la Dependencia de Lucha contra la Delincuencia Transnacional (DLDT) establecida",
     "DLDT", "Transnational Crime Unit"),
])
def test_names_the_english_side_finds(text, span, ident):
    assert ("ORG", span, ident) in spans(text, shape_names=True)


@pytest.mark.parametrize("text", [
    # open line 1940 "the 2010 Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear
    # Weapons": a review conference is an event (GUIDELINES), the year written 'de 2010' as well as 'del Año 2000'
    "aprobado por la Conferencia de las Partes de 2010 Encargada del Examen del Tratado sobre la No Proliferación de "
    "las Armas Nucleares, Irlanda presenta el informe",
    # open line 2727 "The 2010 Review Conference reaffirmed": the same event without the Treaty's name
    "La Conferencia de las Partes de 2010 Encargada del Examen reiteró que el OIEA es la autoridad competente.",
    "las Conferencias de las Partes de 2005 y 2010 encargadas del examen del Tratado sobre la No Proliferación",
])
def test_review_conference_with_its_year_is_no_org(text):
    assert not [s for s in spans(text, shape_names=True) if s[0] == "ORG" and s[1].startswith("Conferencia")]


def test_conference_of_the_parties_alone_stays_org():
    # open line 594: the standing body of a convention's parties, no year and no review
    assert ("ORG", "Conferencia de las Partes", "") in [
        (lab, t, i or "") for lab, t, i in spans("La Conferencia de las Partes tal vez desee adoptar una decisión.",
                                               shape_names=True)]


def test_un_spider_acronym():
    # open line 1391 "UN-SPIDER": the Spanish acronym of the Platform (GA resolution 61/110)
    assert ("ORG", "ONU-SPIDER",
            "United Nations Platform for Space-based Information for Disaster Management and Emergency Response") in \
        spans("9. Además, ONU-SPIDER reconoce la importancia de las redes sociales.", shape_names=True)


def test_staff_regulations_are_no_statute():
    # open line 905 "Staff Regulations and Rules of the United Nations": not an instrument (as French 'Statut et
    # Règlement du personnel'); a short title "el Estatuto" is still one
    assert not [s for s in spans("con arreglo a las disposiciones pertinentes del Estatuto y el Reglamento del Personal "
                                 "de las Naciones Unidas que rigen la selección", shape_names=True) if s[0] == "TREATY"]
    assert ("TREATY", "el Estatuto") in [(lab, t) for lab, t, _ in spans(
        "los Estados partes en el Estatuto de Roma y el Estatuto.", shape_names=True)]


@pytest.mark.parametrize("text, expected", [
    # open line 1751 "from 28 July to 3 December 2014": 'entre el ... y el ...' is one DATE, as 'entre 2002 y 2004'
    # (README_fr_es.md), the first date with or without its year
    ("Entre el 28 de julio y el 3 de diciembre de 2014, Suiza, a través de su Misión Permanente",
     ("DATE", "28 de julio y el 3 de diciembre de 2014", "2014-07-28/2014-12-03")),
    ("los gastos efectuados entre el 1 de enero de 2013 y el 31 de diciembre de 2014",
     ("DATE", "1 de enero de 2013 y el 31 de diciembre de 2014", "2013-01-01/2014-12-31")),
    # open line 571 (the ICTR's official name): "between 1 January 1994 and 31 December 1994", months capitalised
    ("Cometidas en el Territorio de Estados Vecinos entre el 1 de Enero y el 31 de Diciembre de 1994",
     ("DATE", "1 de Enero y el 31 de Diciembre de 1994", "1994-01-01/1994-12-31")),
])
def test_range_between_two_days(text, expected):
    assert expected in spans(text)


def test_two_days_without_entre_stay_two_dates():
    found = [s for s in spans("el 12 de junio de 2012 y el 27 de junio de 2013") if s[0] == "DATE"]
    assert [t for _, t, _ in found] == ["12 de junio de 2012", "27 de junio de 2013"]


@pytest.mark.parametrize("text, span, label, ident", [
    # other official Spanish forms of names the gazetteer holds in French (short forms, acronyms, full titles)
    ("La Agenda 2030 reconoce la importancia de la cooperación.", "Agenda 2030", "TREATY",
     "2030 Agenda for Sustainable Development"),
    ("la Nueva Alianza para el Desarrollo de África (NEPAD)", "Nueva Alianza para el Desarrollo de África", "ORG",
     "African Union Development Agency"),
    ("el apoyo de la NEPAD a los países", "NEPAD", "ORG", "African Union Development Agency"),
    ("La Comisión Preparatoria de la OTPCE informó", "Comisión Preparatoria de la OTPCE", "ORG",
     "Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization"),
    ("el Comité 1540 y sus expertos", "Comité 1540", "ORG",
     "Security Council Committee established pursuant to resolution 1540 (2004)"),
    ("con cargo al Fondo Multilateral", "Fondo Multilateral", "ORG",
     "Multilateral Fund for the Implementation of the Montreal Protocol"),
    # open line 1511, train line 3696 (gold 'EC3'), dev line 2824 (gold 'Plan para su Ulterior Ejecución')
    ("junto con la División de Derecho Ambiental y Convenios sobre el Medio Ambiente y la Oficina",
     "División de Derecho Ambiental y Convenios sobre el Medio Ambiente", "ORG", "Division of Environmental Law and Conventions"),
    ("el Centro Europeo contra la Delincuencia Informática (EC3) de Europol", "EC3", "ORG", "European Cybercrime Centre"),
    ("que figuran en el Programa 21, el Plan para su Ulterior Ejecución, la Declaración del Milenio",
     "Plan para su Ulterior Ejecución", "TREATY", "Programme for the Further Implementation of Agenda 21"),
    # dev line 3856 (gold 'Convenio de 1971'): the drug conventions by their year, as UN texts name them
    ("la inclusión de la mefedrona en la Lista II del Convenio de 1971, e hizo notar", "Convenio de 1971", "TREATY",
     "Convention on Psychotropic Substances"),
    ("la Convención Única y la Convención de 1988", "Convención de 1988", "TREATY",
     "United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances"),
    ("la Convención Única y la Convención de 1988", "Convención Única", "TREATY", "Single Convention on Narcotic Drugs"),
    ("por recomendación de la Mesa de la Asamblea General", "Mesa de la Asamblea General", "ORG",
     "UN General Assembly General Committee"),
])
def test_more_official_names(text, span, label, ident):
    assert (label, span, ident) in spans(text, shape_names=True)


@pytest.mark.parametrize("text, span, label, ident", [
    # open lines 1051, 1464 "Second/Fourth Committee of the General Assembly", 1428, 1572, 2495 "United Nations
    # Disarmament Commission", 854 "United Nations Commission on Human Rights": one name, as the English one
    ("La Cuarta Comisión de la Asamblea General examinó la cuestión", "Cuarta Comisión de la Asamblea General", "ORG",
     "UN General Assembly Fourth Committee"),
    ("con arreglo a las directrices de 1999 de la Comisión de Desarme de las Naciones Unidas.",
     "Comisión de Desarme de las Naciones Unidas", "ORG", "UN Disarmament Commission"),
    ("el informe de 1996 de la Comisión de Derechos Humanos de las Naciones Unidas sobre el sistema",
     "Comisión de Derechos Humanos de las Naciones Unidas", "ORG", "Commission on Human Rights"),
    # open line 831 "the Space Protocol"; ids the gazetteer had in French, Russian and Arabic only
    ("En consecuencia, el Protocolo sobre el Espacio establecerá las normas necesarias", "Protocolo sobre el Espacio",
     "TREATY", "Space Protocol"),
    ("el Comité del Consejo de Seguridad establecido en virtud de la resolución 2127 (2013) relativa a la República "
     "Centroafricana", "Comité del Consejo de Seguridad establecido en virtud de la resolución 2127 (2013) relativa a "
     "la República Centroafricana", "ORG",
     "Security Council Committee established pursuant to resolution 2127 (2013) concerning the Central African Republic"),
    ("la aplicación del Instrumento Internacional de Localización", "Instrumento Internacional de Localización", "TREATY",
     "International Tracing Instrument"),
])
def test_names_joined_as_english(text, span, label, ident):
    assert (label, span, ident) in spans(text, shape_names=True)


def test_committee_alone_keeps_its_short_name():
    assert ("ORG", "Segunda Comisión", "UN General Assembly Second Committee") in spans(
        "La Segunda Comisión aprobó el proyecto.", shape_names=True)


@pytest.mark.parametrize("text, span, label, ident", [
    # session 12, second round: ids the gazetteer held in other languages only. Open line 903 "the Conference of the
    # Parties to the Stockholm Convention" (the gazetteer's id, not the one the parties rule composes from the treaty)
    ("Decisión aprobada por la Conferencia de las Partes en el Convenio de Estocolmo en su séptima reunión.",
     "Conferencia de las Partes en el Convenio de Estocolmo", "ORG",
     "Conference of the Parties to the Stockholm Convention"),
    ("la Conferencia de las Partes en el Convenio de Estocolmo sobre Contaminantes Orgánicos Persistentes decidió",
     "Conferencia de las Partes en el Convenio de Estocolmo sobre Contaminantes Orgánicos Persistentes", "ORG",
     "Conference of the Parties to the Stockholm Convention"),
    # a convention's secretariat is one ORG (GUIDELINES: Secretariats), not the UN Secretariat and a treaty
    ("en cooperación con la Secretaría del Convenio sobre la Diversidad Biológica",
     "Secretaría del Convenio sobre la Diversidad Biológica", "ORG",
     "Secretariat of the Convention on Biological Diversity"),
    ("la Autoridad Palestina y el Gobierno de Israel", "Autoridad Palestina", "ORG", "Palestinian Authority"),  # open 384
    ("el Comité Ejecutivo del Programa del Alto Comisionado de las Naciones Unidas para los Refugiados aprobó",
     "Comité Ejecutivo del Programa del Alto Comisionado de las Naciones Unidas para los Refugiados", "ORG",
     "Executive Committee of the Programme of the United Nations High Commissioner for Refugees"),
    ("la Junta Coordinadora del Programa del ONUSIDA", "Junta Coordinadora del Programa", "ORG",
     "Programme Coordinating Board"),
    ("con cargo al Fondo de Cooperación Técnica del OIEA", "Fondo de Cooperación Técnica del OIEA", "ORG",
     "IAEA Technical Cooperation Fund"),
    ("el Mecanismo Conjunto de Verificación y Vigilancia de Fronteras",
     "Mecanismo Conjunto de Verificación y Vigilancia de Fronteras", "ORG",
     "Joint Border Verification and Monitoring Mechanism"),
    ("la Declaración de Estocolmo de 1972", "Declaración de Estocolmo", "TREATY", "Stockholm Declaration"),
    # open line 46 "the Palermo protocol on ... trafficking in persons"; other official forms and acronyms
    ("la aplicación del Protocolo de Palermo relativo a la prostitución y la trata de personas", "Protocolo de Palermo",
     "TREATY", "Trafficking in Persons Protocol"),
    ("la Organización de la Conferencia Islámica", "Organización de la Conferencia Islámica", "ORG",
     "Organisation of Islamic Cooperation"),
    ("la Convención Marco de las Naciones Unidas sobre el Cambio Climático (CMNUCC)", "CMNUCC", "TREATY",
     "United Nations Framework Convention on Climate Change"),
    ("la Junta Internacional de Fiscalización de Estupefacientes (JIFE)", "JIFE", "ORG",
     "International Narcotics Control Board"),
    ("el SPLM/A en la Oposición", "SPLM/A en la Oposición", "ORG",
     "Sudan People's Liberation Movement/Army in Opposition"),
])
def test_names_other_languages_had(text, span, label, ident):
    assert (label, span, ident) in spans(text, shape_names=True)


@pytest.mark.parametrize("text, not_span", [
    # train line 649 (gold: no span), open lines 1430, 1607, 1608: the GCC Initiative's Implementation Mechanism is
    # part of an agreement, no body
    ("la implementación de la Iniciativa del Consejo de Cooperación del Golfo y su Mecanismo de Ejecución, los "
     "resultados", "Mecanismo de Ejecución"),
    # train line 2187 (gold: no span), open line 1560: a national parliament's chamber (GUIDELINES: national bodies)
    ("El Consejo de la Federación de la Asamblea Federal de la Federación de Rusia constata con gran preocupación",
     "Consejo de la Federación de la Asamblea Federal de la Federación de Rusia"),
])
def test_no_body_by_shape(text, not_span):
    assert not_span not in [t for _, t, _ in spans(text, shape_names=True)]


def test_other_mechanisms_stay_names():
    assert ("ORG", "Mecanismo de Expertos sobre los Derechos de los Pueblos Indígenas",
            "Expert Mechanism on the Rights of Indigenous Peoples") in spans(
        "el Mecanismo de Expertos sobre los Derechos de los Pueblos Indígenas", shape_names=True)
    assert ("ORG", "Consejo de Cooperación del Golfo", "Cooperation Council for the Arab States of the Gulf") in spans(
        "la Iniciativa del Consejo de Cooperación del Golfo y su Mecanismo de Ejecución", shape_names=True)
