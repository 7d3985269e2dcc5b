//! Unit tests of the text extraction, one section per failure class.

use super::*;

fn text(lines: &[&str]) -> String {
    lines.join("\n")
}

fn value<T: Clone>(field: &Option<Field<T>>) -> Option<T> {
    field.as_ref().map(|f| f.value.clone())
}

fn amount(raw: &str) -> Option<String> {
    parse_amount(raw).map(|c| c.to_string())
}

fn vat_lines(fields: &Fields) -> Vec<(String, Option<String>, String)> {
    value(&fields.vat_breakdown)
        .unwrap_or_default()
        .into_iter()
        .map(|l| (l.rate, l.taxable_amount, l.tax_amount))
        .collect()
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

/// HT, TVA and TTC as read.
fn totals_of(f: &Fields) -> (Option<String>, Option<String>, Option<String>) {
    (value(&f.total_excluding_tax), value(&f.total_tax), value(&f.total_including_tax))
}

fn triple(ht: &str, tva: &str, ttc: &str) -> (Option<String>, Option<String>, Option<String>) {
    (s(ht), s(tva), s(ttc))
}

// ---- checksums ----------------------------------------------------------------------

#[test]
fn luhn_and_siren() {
    assert!(luhn_valid("732829320"));
    assert!(luhn_valid("0"));
    assert!(!luhn_valid(""));
    assert!(!luhn_valid("73282932a"));
    assert!(siren_valid("732829320"));
    assert!(siren_valid("552081317"));
    assert!(!siren_valid("732829321"));
    assert!(!siren_valid("123456789"));
    assert!(!siren_valid("73282932"));
    assert!(!siren_valid("000000000"));
    assert!(!siren_valid("732 829 320"));
}

#[test]
fn siret_including_la_poste() {
    assert!(siret_valid("73282932000017"));
    assert!(siret_valid("55208131700018"));
    assert!(!siret_valid("73282932000018"));
    assert!(!siret_valid("7328293200001"));
    // La Poste: digit sum multiple of 5 even though Luhn fails; its head office is Luhn-valid.
    assert!(siret_valid("35600000049837"));
    assert!(!luhn_valid("35600000049837"));
    assert!(siret_valid("35600000000048"));
    assert!(!siret_valid("35600000000019"));
    // The digit-sum rule is La Poste's only.
    assert!(!siret_valid("73282932000004"));
}

#[test]
fn french_vat_numbers() {
    assert!(fr_vat_valid("FR44732829320"));
    assert!(fr_vat_valid("FR 44 732 829 320"));
    assert!(fr_vat_valid("fr03552081317"));
    assert!(!fr_vat_valid("FR45732829320"));
    assert!(!fr_vat_valid("FR4473282932"));
    assert!(!fr_vat_valid("DE44732829320"));
    assert!(!fr_vat_valid("FRAB732829320"));
    assert!(!fr_vat_valid("FR"));
    assert!(!fr_vat_valid("FRé"));
}

#[test]
fn ibans() {
    assert!(iban_valid("FR7630006000011234567890189"));
    assert!(iban_valid("FR76 3000 6000 0112 3456 7890 189"));
    assert!(iban_valid("fr7630006000011234567890189"));
    assert!(iban_valid("DE89370400440532013000"));
    assert!(iban_valid("GB82WEST12345698765432"));
    assert!(iban_valid("FR1420041010050500013M02606"));
    assert!(!iban_valid("FR7630006000011234567890188"));
    assert!(!iban_valid("FR76"));
    assert!(!iban_valid("7630006000011234567890189FR"));
    assert!(!iban_valid("FR76300060000112345678901€9"));
}

// ---- amounts and dates ----------------------------------------------------------------

#[test]
fn amounts_in_every_format() {
    assert_eq!(amount("1 234,56 €"), s("1234.56"));
    assert_eq!(amount("1.234,56"), s("1234.56"));
    assert_eq!(amount("1,234.56"), s("1234.56"));
    assert_eq!(amount("1234.56"), s("1234.56"));
    assert_eq!(amount("1234,56"), s("1234.56"));
    assert_eq!(amount("€12.50"), s("12.50"));
    assert_eq!(amount("12,5"), s("12.50"));
    assert_eq!(amount("1 234 €"), s("1234.00"));
    assert_eq!(amount("-12,00"), s("-12.00"));
    assert_eq!(amount("12,00-"), s("-12.00"));
    assert_eq!(amount("-€5"), s("-5.00"));
    assert_eq!(amount("1\u{a0}234,56"), s("1234.56"));
    assert_eq!(amount("1\u{202f}234\u{202f}567,89 EUR"), s("1234567.89"));
    assert_eq!(amount("USD 1,000"), s("1000.00"));
    assert_eq!(amount("1'234.50 CHF"), s("1234.50"));
    assert_eq!(amount("£0.99"), s("0.99"));
    assert_eq!(amount("  42  "), s("42.00"));
    // Thousands separators OCR read as the decimal one, before exactly two decimals.
    assert_eq!(amount("-4,419,55"), s("-4419.55"));
    assert_eq!(amount("1.234.56"), s("1234.56"));
    assert_eq!(amount("1.234.567.89"), s("1234567.89"));
}

#[test]
fn amounts_rejected() {
    for raw in
        ["", "abc", "€", "-", "12/03/2026", "1,2,3", "12.3456", "20 %", "1 23", "12 345 6789", "1.234.5", "12,34,56"]
    {
        assert_eq!(parse_amount(raw), None, "{raw}");
    }
    assert_eq!(parse_amount("1.234,567"), None);
    assert_eq!(parse_amount("12a"), None);
    assert_eq!(parse_amount("99999999999999999999"), None);
}

#[test]
fn dates_in_every_format() {
    let cases = [
        ("15/03/2026", "2026-03-15"),
        ("15-03-2026", "2026-03-15"),
        ("15.03.2026", "2026-03-15"),
        ("2026-03-15", "2026-03-15"),
        ("15 mars 2026", "2026-03-15"),
        ("1er juin 2026", "2026-06-01"),
        ("ter juin 2026", "2026-06-01"),
        ("15 March 2026", "2026-03-15"),
        ("March 15, 2026", "2026-03-15"),
        ("15 Mar 2026", "2026-03-15"),
        ("15 Mar. 2026", "2026-03-15"),
        ("15/03/26", "2026-03-15"),
        ("3 février 2026", "2026-02-03"),
        ("3 fevrier 2026", "2026-02-03"),
        ("25 DÉCEMBRE 2025", "2025-12-25"),
        ("1st August 2026", "2026-08-01"),
        ("03/15/2026", "2026-03-15"),
        (" 5/3/2026 ", "2026-03-05"),
    ];
    for (raw, expected) in cases {
        assert_eq!(parse_date(raw), s(expected), "{raw}");
    }
}

#[test]
fn dates_rejected() {
    for raw in ["31/02/2026", "32/01/2026", "15/13/2026", "", "mars 2026", "15 foo 2026", "le 15/03/2026", "2026"] {
        assert_eq!(parse_date(raw), None, "{raw}");
    }
    assert_eq!(parse_date("29/02/2024"), s("2024-02-29"));
    assert_eq!(parse_date("29/02/2025"), None);
}

#[test]
fn ocr_zeros_only_inside_numbers() {
    assert_eq!(fix_ocr_zeros("1 2O4,5O"), "1 204,50");
    assert_eq!(fix_ocr_zeros("1 OOO.OO"), "1 000.00");
    assert_eq!(fix_ocr_zeros("FA-2O26 TOTAL No 12 GOOGLE"), "FA-2026 TOTAL No 12 GOOGLE");
}

// ---- whole documents --------------------------------------------------------------------

fn french_invoice() -> String {
    text(&[
        "ACME CONSEIL SARL                                              FACTURE",
        "12 rue de la Paix",
        "75002 Paris                                        Facture N° : FA-2026-0042",
        "Tél : 01 23 45 67 89                               Date de facture : 15/03/2026",
        "SIRET : 732 829 320 00017                          Échéance : 14/04/2026",
        "N° TVA intracommunautaire : FR44 732 829 320",
        "",
        "                                          Facturé à :",
        "                                          BETA DISTRIBUTION SAS",
        "                                          5 avenue Foch",
        "                                          69006 Lyon",
        "                                          SIREN : 552 081 317",
        "                                          TVA : FR03552081317",
        "",
        "Désignation                         Qté    Prix unitaire HT      Total HT",
        "Conseil stratégique                   2            500,00 €    1 000,00 €",
        "Frais de déplacement                  1            250,00 €      250,00 €",
        "",
        "                                                      Total HT      1 250,00 €",
        "                                                      TVA 20 %        250,00 €",
        "                                                      Total TTC     1 500,00 €",
        "",
        "Conditions de paiement : 30 jours. Pénalités de retard : 3 fois le taux d'intérêt légal.",
        "IBAN : FR76 3000 6000 0112 3456 7890 189     BIC : AGRIFRPP",
        "ACME CONSEIL SARL au capital de 10 000 € - RCS Paris 732 829 320",
    ])
}

#[test]
fn french_invoice_text_layer() {
    let doc = french_invoice();
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.kind), Some(DocumentKind::Invoice));
    assert_eq!(value(&f.supplier_name), s("ACME CONSEIL SARL"));
    assert_eq!(value(&f.invoice_number), s("FA-2026-0042"));
    assert_eq!(value(&f.date), s("2026-03-15"));
    assert_eq!(value(&f.siren), s("732829320"));
    assert_eq!(value(&f.siret), s("73282932000017"));
    assert_eq!(value(&f.vat_number), s("FR44732829320"));
    assert_eq!(value(&f.iban), s("FR7630006000011234567890189"));
    assert_eq!(value(&f.currency), s("EUR"));
    assert_eq!(value(&f.total_excluding_tax), s("1250.00"));
    assert_eq!(value(&f.total_tax), s("250.00"));
    assert_eq!(value(&f.total_including_tax), s("1500.00"));
    assert_eq!(value(&f.consistent), Some(true));
    assert_eq!(vat_lines(&f), vec![("20".into(), None, "250.00".into())]);
    let siren = f.siren.as_ref().map(|f| (f.confidence, f.source));
    assert_eq!(siren, Some((CHECKSUMMED, Source::TextLayer)));
    let ttc = f.total_including_tax.as_ref().map(|f| f.confidence).unwrap_or(0.0);
    assert!((ttc - 0.9).abs() < 1e-6, "{ttc}");
}

#[test]
fn english_invoice() {
    let doc = text(&[
        "Northwind Consulting Ltd                                  INVOICE",
        "1 Harbour Road, Dublin 2, Ireland",
        "VAT No: IE6388047V",
        "",
        "Bill to:                                   Invoice No: INV-2026-117",
        "Contoso Inc                                Invoice date: March 15, 2026",
        "500 Market Street                          Due date: April 14, 2026",
        "San Francisco, CA",
        "",
        "Description                  Qty      Unit price         Amount",
        "Software development          10        €150.00       €1,500.00",
        "Support (monthly)              1        €200.00         €200.00",
        "",
        "                                          Subtotal      €1,700.00",
        "                                          VAT 23%         €391.00",
        "                                          Total         €2,091.00",
        "",
        "Payment by bank transfer to IBAN IE29 AIBK 9311 5212 3456 78",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.kind), Some(DocumentKind::Invoice));
    assert_eq!(value(&f.supplier_name), s("Northwind Consulting Ltd"));
    assert_eq!(value(&f.invoice_number), s("INV-2026-117"));
    assert_eq!(value(&f.date), s("2026-03-15"));
    assert_eq!(value(&f.vat_number), s("IE6388047V"));
    assert_eq!(f.vat_number.as_ref().map(|v| v.confidence), Some(GUESS));
    assert_eq!(value(&f.siren), None);
    assert_eq!(value(&f.iban), s("IE29AIBK93115212345678"));
    assert_eq!(value(&f.currency), s("EUR"));
    assert_eq!(value(&f.total_excluding_tax), s("1700.00"));
    assert_eq!(value(&f.total_tax), s("391.00"));
    assert_eq!(value(&f.total_including_tax), s("2091.00"));
    assert_eq!(value(&f.consistent), Some(true));
    assert_eq!(vat_lines(&f), vec![("23".into(), None, "391.00".into())]);
}

#[test]
fn french_credit_note() {
    let doc = text(&[
        "DUPONT & FILS SAS",
        "8 boulevard Haussmann",
        "75009 Paris",
        "SIREN 542 107 651 - TVA FR13542107651",
        "",
        "AVOIR N° AV-2026-007",
        "Date : 20/03/2026",
        "Référence facture : F-2026-0042 du 15/03/2026",
        "",
        "Client : GAMMA SARL, 3 place Bellecour, 69002 Lyon, SIREN 443 061 841",
        "",
        "Désignation                                       Montant HT",
        "Remise commerciale sur facture F-2026-0042          -100,00",
        "",
        "Total HT                                            -100,00",
        "TVA 20 %                                             -20,00",
        "Total TTC                                           -120,00",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.kind), Some(DocumentKind::CreditNote));
    assert_eq!(value(&f.supplier_name), s("DUPONT & FILS SAS"));
    assert_eq!(value(&f.invoice_number), s("AV-2026-007"));
    assert_eq!(value(&f.date), s("2026-03-20"));
    assert_eq!(value(&f.siren), s("542107651"));
    assert_eq!(value(&f.siret), None);
    assert_eq!(value(&f.vat_number), s("FR13542107651"));
    // Credited amounts are positive, as in an EN 16931 credit note's XML; `kind` gives the way.
    assert_eq!(value(&f.total_excluding_tax), s("100.00"));
    assert_eq!(value(&f.total_tax), s("20.00"));
    assert_eq!(value(&f.total_including_tax), s("120.00"));
    assert_eq!(value(&f.consistent), Some(true));
    assert_eq!(value(&f.currency), None);
}

#[test]
fn till_receipt() {
    let doc = text(&[
        "          CARREFOUR MARKET",
        "     12 AVENUE DE LA REPUBLIQUE",
        "           75011 PARIS",
        "     SIRET 383 474 814 00019",
        "        TICKET DE CAISSE",
        "",
        "15/03/2026 14:32   CAISSE 03   TICKET N° 004217",
        "",
        "PAIN COMPLET                        2,10",
        "LAIT DEMI-ECREME X2                 2,30",
        "POMMES GOLDEN 1,250 KG              3,74",
        "CAFE MOULU 250G                     4,36",
        "",
        "TOTAL                              12,50 EUR",
        "CB SANS CONTACT                    12,50 EUR",
        "",
        "TVA    TAUX        HT      TVA      TTC",
        "A      5,50%    11,85     0,65    12,50",
        "",
        "       MERCI DE VOTRE VISITE",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.kind), Some(DocumentKind::Receipt));
    assert_eq!(value(&f.supplier_name), s("CARREFOUR MARKET"));
    assert_eq!(value(&f.invoice_number), s("004217"));
    assert_eq!(value(&f.date), s("2026-03-15"));
    assert_eq!(value(&f.siret), s("38347481400019"));
    assert_eq!(value(&f.siren), s("383474814"));
    assert_eq!(value(&f.total_including_tax), s("12.50"));
    assert_eq!(value(&f.total_tax), s("0.65"));
    assert_eq!(value(&f.total_excluding_tax), s("11.85"));
    assert_eq!(value(&f.consistent), Some(true));
    assert_eq!(value(&f.currency), s("EUR"));
    assert_eq!(vat_lines(&f), vec![("5.5".into(), s("11.85"), "0.65".into())]);
}

#[test]
fn till_receipt_without_title() {
    let doc =
        text(&["BOULANGERIE DU COIN", "2 BAGUETTES        2,40", "TOTAL              2,40", "ESPECES            5,00"]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.kind), Some(DocumentKind::Receipt));
    assert_eq!(value(&f.total_including_tax), s("2.40"));
}

fn multi_rate_invoice(with_total_tax: bool) -> String {
    let mut lines = vec![
        "LA BONNE TABLE SARL",
        "RCS Lyon 443 061 841",
        "FACTURE N° 2026-118                         Lyon, le 1er juin 2026",
        "",
        "Désignation                      Taux TVA       Montant HT",
        "Produits alimentaires              5,5 %            200,00",
        "Location de matériel              20 %              100,00",
        "",
        "Taux          Base HT        Montant TVA",
        "20,00 %        100,00              20,00",
        "5,50 %         200,00              11,00",
        "",
        "Total HT                         300,00 €",
    ];
    if with_total_tax {
        lines.push("Total TVA                         31,00 €");
    }
    lines.push("Total TTC                        331,00 €");
    text(&lines)
}

#[test]
fn multi_rate_invoice_with_total_tax() {
    let doc = multi_rate_invoice(true);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.kind), Some(DocumentKind::Invoice));
    assert_eq!(value(&f.supplier_name), s("LA BONNE TABLE SARL"));
    assert_eq!(value(&f.invoice_number), s("2026-118"));
    assert_eq!(value(&f.date), s("2026-06-01"));
    assert_eq!(value(&f.siren), s("443061841"));
    assert_eq!(value(&f.total_excluding_tax), s("300.00"));
    assert_eq!(value(&f.total_tax), s("31.00"));
    assert_eq!(value(&f.total_including_tax), s("331.00"));
    assert_eq!(value(&f.consistent), Some(true));
    let expected = vec![("20".into(), s("100.00"), "20.00".into()), ("5.5".into(), s("200.00"), "11.00".into())];
    assert_eq!(vat_lines(&f), expected);
    assert_eq!(f.vat_breakdown.as_ref().map(|b| b.confidence), Some(LABELLED));
}

#[test]
fn multi_rate_invoice_sums_the_breakdown() {
    let doc = multi_rate_invoice(false);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.total_tax), s("31.00"));
    assert_eq!(value(&f.consistent), Some(true));
    assert_eq!(vat_lines(&f).len(), 2);
}

#[test]
fn ocr_noisy_invoice() {
    let doc = text(&[
        "ACME CONSEIL SARL                         FACTURE",
        "12 rue de la Paix",
        "75OO2 Paris                                facture  n°  FA-2O26-OO42",
        "SIRET : 732 829 32O OOO17                  date de facture : ter juin 2026",
        "n° tva intracommunautaire : FR44 732 829 32O",
        "",
        "| Désignation          | Qté | Prix unitaire ht | total ht  |",
        "| Conseil stratégique  |  2  |      5OO.OO      | 1 OOO.OO  |",
        "| Frais de déplacement |  1  |      25O.OO      |   25O.OO  |",
        "",
        "                                  total  ht     1 25O.OO",
        "                                  T.V.A.  2O %    25O.OO",
        "                                  total  ttc    1 5OO.OO EUR",
        "IBAN : FR76 3OOO 6OOO O112 3456 789O 189",
    ]);
    let f = extract(&[&doc], Source::Ocr);
    assert_eq!(value(&f.kind), Some(DocumentKind::Invoice));
    assert_eq!(value(&f.supplier_name), s("ACME CONSEIL SARL"));
    assert_eq!(value(&f.invoice_number), s("FA-2026-0042"));
    assert_eq!(value(&f.date), s("2026-06-01"));
    assert_eq!(value(&f.siret), s("73282932000017"));
    assert_eq!(value(&f.siren), s("732829320"));
    assert_eq!(value(&f.vat_number), s("FR44732829320"));
    assert_eq!(value(&f.iban), s("FR7630006000011234567890189"));
    assert_eq!(value(&f.total_excluding_tax), s("1250.00"));
    assert_eq!(value(&f.total_tax), s("250.00"));
    assert_eq!(value(&f.total_including_tax), s("1500.00"));
    assert_eq!(value(&f.consistent), Some(true));
    assert_eq!(value(&f.currency), s("EUR"));
    let siren = f.siren.as_ref().map(|f| (f.confidence, f.source));
    assert_eq!(siren, Some((CHECKSUMMED * OCR_FACTOR, Source::Ocr)));
}

#[test]
fn consistency_picks_the_right_reading() {
    // The first TTC reading is misread; the "Net à payer" line repeats the right one.
    let doc = text(&[
        "Facture n° 77",
        "Total HT           100,00",
        "TVA 20 %            20,00",
        "Total TTC          128,00",
        "Net à payer        120,00",
    ]);
    let f = extract(&[&doc], Source::Ocr);
    assert_eq!(value(&f.total_including_tax), s("120.00"));
    assert_eq!(value(&f.consistent), Some(true));
}

#[test]
fn totals_that_do_not_add_up_are_withheld() {
    // No combination adds up: HT and TVA go, the TTC under its own label stays, flagged.
    // (23 is no plausible VAT of 100, nor of 128 - 23 = 105: no pair proves the third.)
    let inconsistent = text(&["Facture n° 77", "Total HT 100,00", "TVA 20 % 23,00", "Total TTC 128,00"]);
    let f = extract(&[&inconsistent], Source::TextLayer);
    assert_eq!(value(&f.total_including_tax), s("128.00"));
    assert_eq!(value(&f.total_excluding_tax), None);
    assert_eq!(value(&f.total_tax), None);
    assert_eq!(value(&f.consistent), None);
    assert!(f.total_including_tax.as_ref().is_some_and(|t| t.confidence < GUESS));
}

#[test]
fn two_totals_and_a_plausible_rate_repair_the_third() {
    // 100 + 20 % = 20: the pair proves TTC 120.00; the "128,00" read is a misread 0.
    let doc = text(&["Facture n° 77", "Total HT 100,00", "TVA 20,00", "Total TTC 128,00"]);
    let f = extract(&[&doc], Source::Ocr);
    let triple = totals_of(&f);
    assert_eq!(triple, (s("100.00"), s("20.00"), s("120.00")));
    assert_eq!(value(&f.consistent), Some(true));
    // The TVA line lost: HT and TTC 19 % apart (Germany) prove it.
    let doc = text(&["Rechnung 12", "Nettobetrag 1.000,00 EUR", "Gesamtbetrag 1.190,00 EUR"]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.total_tax), s("190.00"));
    // 150 apart is no rate of 1000: nothing is computed, and the HT is withheld.
    let doc = text(&["Rechnung 12", "Nettobetrag 1.000,00 EUR", "Gesamtbetrag 1.150,00 EUR"]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!((value(&f.total_excluding_tax), value(&f.total_tax)), (None, None));
    assert_eq!(value(&f.total_including_tax), s("1150.00"));
}

/// "Total HT" printed before the shipping fees, while the VAT is computed on both: TVA and TTC
/// prove the real base.
#[test]
fn total_ht_printed_before_shipping_fees() {
    let doc = text(&[
        "Facture n° 2024-55",
        "Total HT              200,00 €",
        "Frais de port          10,00 €",
        "TVA 20 %               42,00 €",
        "Total TTC             252,00 €",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    let triple = totals_of(&f);
    assert_eq!(triple, (s("210.00"), s("42.00"), s("252.00")));
}

/// Labels lost (OCR): the amounts that satisfy HT + TVA = TTC at a plausible rate are the
/// totals; line amounts that happen to add up at an implausible rate are not.
#[test]
fn totals_found_by_arithmetic_alone() {
    let doc = text(&[
        "Facture n° 9",
        "Prestation A      300,00",
        "Prestation B      212,50",
        "T0ta1 HI          512,50",
        "TV4               102,50",
        "T0TAL TIC         615,00",
    ]);
    let f = extract(&[&doc], Source::Ocr);
    let triple = totals_of(&f);
    assert_eq!(triple, (s("512.50"), s("102.50"), s("615.00")));
    // 300 + 212.50 = 512.50 is a sum, but 212.50 is no VAT of 300: not taken as a triple.
    let doc = text(&["Facture n° 9", "Prestation A      300,00", "Prestation B      212,50", "Total 512,50"]);
    let f = extract(&[&doc], Source::Ocr);
    assert_eq!((value(&f.total_excluding_tax), value(&f.total_tax)), (None, None));
}

#[test]
fn a_bare_total_beside_contradicting_figures_is_withheld_too() {
    let doc = text(&["Facture n° 78", "Total HT 100,00", "TVA 20 % 23,00", "Total 128,00"]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!((value(&f.total_excluding_tax), value(&f.total_tax)), (None, None));
    assert_eq!(value(&f.total_including_tax), None);
    assert_eq!(value(&f.consistent), None);
}

/// A photographed invoice read on another machine: the table's header row put the first
/// line's amount under both "TVA" and "Montant HT", and the totals block was lost.
#[test]
fn a_photo_whose_totals_block_is_lost_reports_no_false_triple() {
    let doc = text(&[
        "Facture n° FAC/2025/0367                 29 avril 2025",
        "Désignation                     TVA        Montant HT",
        "Licence logiciel annuelle       1 009,85   1 009,85",
        "Journée de conseil | |           539,71     539,71",
        "Montant TTC 539,71",
    ]);
    let f = extract(&[&doc], Source::Ocr);
    let triple = totals_of(&f);
    assert_ne!(triple, (s("1009.85"), s("1009.85"), s("539.71")));
    assert!(f.total_excluding_tax.is_none() || f.total_tax.is_none() || f.total_including_tax.is_none());
    assert_ne!(value(&f.consistent), Some(false));
    if let Some(ttc) = &f.total_including_tax {
        assert!(ttc.confidence < GUESS, "an unchecked TTC says so: {}", ttc.confidence);
    }
}

/// Tesseract on a photographed boxed totals table: labels in one block, amounts in another
/// further down, after the table's last amount.
#[test]
fn totals_read_as_a_block_of_labels_then_a_block_of_amounts() {
    let doc = text(&[
        "Facture n° FAC/2025/0367",
        "Journée de conseil | 539,71",
        "",
        "Montant HT",
        "TVA 20 %",
        "Total TVA",
        "Montant TTC",
        "",
        "Règlement par virement bancaire :",
        "",
        "539,71",
        "",
        "3 112,14€",
        "622,43 €",
        "622,43 €",
        "",
        "3 734,57 €",
    ]);
    let f = extract(&[&doc], Source::Ocr);
    assert_eq!(value(&f.total_excluding_tax), s("3112.14"));
    assert_eq!(value(&f.total_tax), s("622.43"));
    assert_eq!(value(&f.total_including_tax), s("3734.57"));
    assert_eq!(value(&f.consistent), Some(true));
}

#[test]
fn choosing_totals_repairs_or_withholds() {
    let at = |cents: i64, strength: u8, order: usize| Candidate { cents: Cents(cents), strength, order };
    // The case seen on a new machine: TTC 539.71 next to HT and TVA both 1009.85.
    let seen = Candidates {
        ht: vec![at(100_985, COLUMN_STRENGTH, 3)],
        tax: vec![at(100_985, COLUMN_STRENGTH, 3)],
        ttc: vec![at(53_971, 6, 9)],
        ..Candidates::default()
    };
    let totals = choose_totals(&seen);
    assert!(totals.ht.is_none() && totals.tax.is_none());
    assert_eq!(totals.ttc.map(|c| c.cents), Some(Cents(53_971)));
    assert_eq!(totals.check, Check::Failed);
    let mut fields = Fields::default();
    set_totals(&mut fields, &totals, &[], Source::Ocr);
    assert_eq!(value(&fields.consistent), None);
    assert!(fields.total_including_tax.as_ref().is_some_and(|t| t.confidence < GUESS));
    // Repair: other readings of each satisfy the identity; they win over the bad ones.
    let repairable = Candidates {
        ht: vec![at(100_985, COLUMN_STRENGTH, 3), at(311_214, 6, 10)],
        tax: vec![at(100_985, COLUMN_STRENGTH, 3), at(52_243, 5, 8), at(62_243, 6, 11)],
        ttc: vec![at(53_971, 6, 9), at(373_457, 6, 12)],
        ..Candidates::default()
    };
    let totals = choose_totals(&repairable);
    let cents = |c: Option<Candidate>| c.map(|c| c.cents.0);
    assert_eq!((cents(totals.ht), cents(totals.tax), cents(totals.ttc)), (Some(311_214), Some(62_243), Some(373_457)));
    assert_eq!(totals.check, Check::Holds);
}

#[test]
fn due_date_before_document_date() {
    let doc = text(&[
        "SOLUTIONS NUMERIQUES SAS",
        "À payer avant le 14/04/2026",
        "Échéance : 14/04/2026",
        "Période du 01/02/2026 au 28/02/2026",
        "Date de facture : 15/03/2026",
        "Facture n° 2026-0099",
        "Total HT 100,00 €",
        "TVA 20 % 20,00 €",
        "Total TTC 120,00 €",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.date), s("2026-03-15"));
    assert_eq!(value(&f.invoice_number), s("2026-0099"));
    assert_eq!(value(&f.supplier_name), s("SOLUTIONS NUMERIQUES SAS"));
    assert_eq!(value(&f.consistent), Some(true));
}

#[test]
fn header_row_values_below() {
    let doc = text(&[
        "FACTURE",
        "Imprimerie Martin",
        "N° facture        Date          Échéance",
        "F-881             02/03/2026    01/04/2026",
        "",
        "Total HT        TVA        Total TTC",
        "  50,00        10,00          60,00",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.invoice_number), s("F-881"));
    assert_eq!(value(&f.date), s("2026-03-02"));
    assert_eq!(value(&f.supplier_name), s("Imprimerie Martin"));
    assert_eq!(value(&f.total_excluding_tax), s("50.00"));
    assert_eq!(value(&f.total_tax), s("10.00"));
    assert_eq!(value(&f.total_including_tax), s("60.00"));
    assert_eq!(value(&f.consistent), Some(true));
}

#[test]
fn nothing_useful() {
    let doc = text(&[
        "Compte rendu de réunion",
        "",
        "Les participants ont discuté du planning.",
        "Prochaine réunion à définir.",
    ]);
    for pages in [vec![doc.as_str()], vec![], vec![""], vec!["", "   \n\n"]] {
        assert_eq!(extract(&pages, Source::TextLayer), Fields::default());
    }
}

#[test]
fn invoice_dated_in_its_title() {
    let doc = text(&[
        "ACME SAS                                  FACTURE N° 12 du 03/02/2026",
        "Commande n° 8 du 01/01/2026",
        "Livraison : 02/02/2026",
        "Total TTC : EUR 1 200,00",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.date), s("2026-02-03"));
    assert_eq!(value(&f.invoice_number), s("12"));
    assert_eq!(value(&f.total_including_tax), s("1200.00"));
    assert_eq!(value(&f.currency), s("EUR"));
    assert_eq!(value(&f.consistent), None);
}

#[test]
fn multi_page_document() {
    let page1 = "ACME CONSEIL SARL\nFacture n° A-1\nDate : 05/01/2026\nConseil    100,00";
    let page2 = "Total HT   100,00\nTVA 20 %    20,00\nTotal TTC  120,00";
    let f = extract(&[page1, page2], Source::TextLayer);
    assert_eq!(value(&f.invoice_number), s("A-1"));
    assert_eq!(value(&f.total_including_tax), s("120.00"));
    assert_eq!(value(&f.consistent), Some(true));
}

/// Random documents made of the tokens the heuristics look for, to reach every branch.
#[test]
fn token_soup_never_panics() {
    const TOKENS: [&str; 52] = [
        "Nº FACTURA   FECHA   Nº CLIENTE",
        "Fecha: 31/07/2024 - 14:00 h",
        "Avoir sur facture n° FA-12",
        "TOTAL A PAYER",
        "Ordine   n. 134 del",
        "Documento commerciale  n. 0007",
        "Imponibile  Imposta  Totale",
        "Totale imponibile",
        "22%",
        "n. 59/2024",
        "del 19/12/2024",
        "45,86",
        "Total HT",
        "TVA",
        "T.V.A.",
        "20 %",
        "5,5%",
        "1 234,56",
        "-12,00",
        "€",
        "EUR",
        "Facturé à :",
        "Client :",
        "SIRET",
        "732 829 320 00017",
        "FR44 732 829 320",
        "IBAN",
        "FR76 3000 6000 0112 3456 7890 189",
        "\n",
        "\n\n",
        "   ",
        " ",
        "|",
        "O",
        "15/03/2026",
        "ter juin 2026",
        "N°",
        "Facture",
        "Avoir",
        "Ticket",
        "Total TTC",
        "Total",
        "SAS",
        "ACME",
        "du",
        "au",
        "Échéance",
        "Date",
        "100,00",
        "20,00",
        "120,00",
        "CB",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..300 {
        let count = 5 + next() % 120;
        let doc: String = (0..count).map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize]).collect();
        let fields = extract(&[&doc], Source::Ocr);
        assert_ne!(value(&fields.consistent), Some(false), "{doc}");
        if let (Some(ht), Some(tax), Some(ttc)) =
            (&fields.total_excluding_tax, &fields.total_tax, &fields.total_including_tax)
        {
            // Three totals are only ever reported when they add up.
            let sum = Cents::parse_decimal(&ht.value).zip(Cents::parse_decimal(&tax.value)).map(|(h, t)| h.0 + t.0);
            assert_eq!(sum, Cents::parse_decimal(&ttc.value).map(|c| c.0), "{doc}");
            assert_eq!(value(&fields.consistent), Some(true), "{doc}");
        }
        for f in [&fields.siren, &fields.siret, &fields.vat_number, &fields.iban].into_iter().flatten() {
            assert!(f.value.chars().all(|c| c.is_ascii_alphanumeric()), "{doc}");
        }
    }
}

#[test]
fn garbage_never_panics() {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..12 {
        let bytes: Vec<u8> = (0..2000 + round * 500).map(|_| (next() % 256) as u8).collect();
        let page = String::from_utf8_lossy(&bytes).into_owned();
        let _ = extract(&[&page, truncate_chars(&page, page.len() / 3)], Source::Ocr);
        let _ = extract(&[&page], Source::TextLayer);
        let _ = parse_amount(&page);
        let _ = parse_date(&page);
    }
    let long_lines = [
        "1 ".repeat(50_000),
        "Total TTC ".repeat(10_000) + &"9".repeat(100_000),
        "31/02/2026 ".repeat(10_000),
        "€".repeat(100_000),
        "FR76 ".repeat(20_000),
        "TVA 20 % 100,00 20,00 ".repeat(5_000),
        "é".repeat(100_000) + "\n" + &"|O".repeat(50_000),
        "\n".repeat(30_000),
    ];
    for line in &long_lines {
        let _ = extract(&[line, line], Source::Ocr);
        let _ = parse_amount(line);
        let _ = parse_date(line);
        let _ = iban_valid(line);
        let _ = fr_vat_valid(line);
    }
}

// ---- labels in other languages ------------------------------------------------------------

#[test]
fn german_invoice() {
    let doc = text(&[
        "Lieferant GmbH · Hauptstraße 5 · 10115 Berlin",
        "USt-IdNr.: DE123456789        Tel. 030 1234567",
        "",
        "RECHNUNG",
        "Rechnungsnummer: RE-2024-0815           Rechnungsdatum: 05.03.2024",
        "Lieferdatum: 28.02.2024                 Kundennummer: 4711",
        "",
        "Pos  Bezeichnung          Menge   Einzelpreis     Gesamt",
        "1    Beratung             10 Std       95,00     950,00",
        "",
        "Nettobetrag                                   950,00 EUR",
        "zzgl. 19 % MwSt.                              180,50 EUR",
        "Gesamtbetrag                                1.130,50 EUR",
        "Zahlbar bis 19.03.2024 ohne Abzug.",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.kind), Some(DocumentKind::Invoice));
    assert_eq!(value(&f.invoice_number), s("RE-2024-0815"));
    assert_eq!(value(&f.date), s("2024-03-05"));
    assert_eq!(totals_of(&f), triple("950.00", "180.50", "1130.50"));
    assert_eq!(value(&f.consistent), Some(true));
}

#[test]
fn dutch_spanish_and_italian_labels() {
    let nl = text(&[
        "Bakkerij De Vries B.V.",
        "FACTUUR",
        "Factuurnummer: 2024-117      Factuurdatum: 12-04-2024",
        "Vervaldatum: 12-05-2024",
        "Subtotaal                      200,00",
        "BTW 21%                         42,00",
        "Totaal te betalen              242,00",
    ]);
    let es = text(&[
        "Suministros Ibéricos S.L.",
        "FACTURA",
        "Número de factura: A-00321        Fecha de factura: 07/06/2024",
        "Base imponible                   1.000,00 €",
        "IVA 21%                            210,00 €",
        "Total factura                    1.210,00 €",
    ]);
    let it = text(&[
        "Forniture Rossi S.r.l.",
        "FATTURA",
        "Numero fattura: 45/2024          Data fattura: 30/01/2024",
        "Imponibile                         500,00",
        "IVA 22%                            110,00",
        "Totale documento                   610,00",
    ]);
    let nl = extract(&[&nl], Source::TextLayer);
    assert_eq!(value(&nl.invoice_number), s("2024-117"));
    assert_eq!(value(&nl.date), s("2024-04-12"), "the due date is not the invoice's");
    assert_eq!(totals_of(&nl), triple("200.00", "42.00", "242.00"));
    let es = extract(&[&es], Source::TextLayer);
    assert_eq!(value(&es.invoice_number), s("A-00321"));
    assert_eq!(value(&es.date), s("2024-06-07"));
    assert_eq!(totals_of(&es), triple("1000.00", "210.00", "1210.00"));
    let it = extract(&[&it], Source::TextLayer);
    assert_eq!(value(&it.invoice_number), s("45/2024"));
    assert_eq!(value(&it.date), s("2024-01-30"));
    assert_eq!(totals_of(&it), triple("500.00", "110.00", "610.00"));
    assert_eq!(value(&it.kind), Some(DocumentKind::Invoice));
}

#[test]
fn german_month_names() {
    assert_eq!(parse_date("5. März 2024").as_deref(), Some("2024-03-05"));
    assert_eq!(parse_date("12 diciembre 2023").as_deref(), Some("2023-12-12"));
    assert_eq!(parse_date("3 maggio 2024").as_deref(), Some("2024-05-03"));
}

// ---- credit notes ---------------------------------------------------------------------------

#[test]
fn credit_notes_in_every_language_are_credit_notes() {
    for title in ["GUTSCHRIFT", "Credit note", "CREDITNOTA", "Nota de crédito", "NOTA DI CREDITO", "Avoir"] {
        let doc = text(&["Lieferant GmbH", title, "Total   -50,00"]);
        let f = extract(&[&doc], Source::TextLayer);
        assert_eq!(value(&f.kind), Some(DocumentKind::CreditNote), "{title}");
    }
    let doc = text(&[
        "Lieferant GmbH",
        "GUTSCHRIFT Nr. GS-17 zur Rechnung RE-2024-0815",
        "Nettobetrag          -100,00",
        "MwSt. 19 %            -19,00",
        "Gesamtbetrag         -119,00",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.kind), Some(DocumentKind::CreditNote));
    assert_eq!(totals_of(&f), triple("100.00", "19.00", "119.00"), "credited amounts are positive");
}

// ---- date order -----------------------------------------------------------------------------

#[test]
fn month_first_order_comes_from_the_documents_unambiguous_dates() {
    let doc = text(&[
        "Acme Hosting Inc.",
        "INVOICE",
        "Invoice date: 11/03/2017",
        "Payment due: 11/17/2017",
        "Total due        $120.00",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.date), s("2017-11-03"), "11/17 proves month-first");
    let doc = text(&["Fournisseur SARL", "FACTURE", "Date de facture : 11/03/2017", "Échéance : 25/03/2017"]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.date), s("2017-03-11"), "25/03 proves day-first");
    let doc = text(&["Acme Inc.", "INVOICE", "Invoice date: 04/05/2024", "Amount due   $80.00"]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.date), s("2024-04-05"), "no vote: English in dollars reads month-first");
    let doc = text(&["Dupont SARL", "FACTURE", "Date : 04/05/2024", "Total TTC   80,00 €"]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_eq!(value(&f.date), s("2024-05-04"));
}

// ---- numbers that are not amounts -----------------------------------------------------------

#[test]
fn legal_references_phones_postcodes_and_quantities_are_not_amounts() {
    let amounts = |line: &str| -> Vec<String> {
        let dates = find_dates(line, DateOrder::DayFirst);
        find_amounts(&mask(line, &dates)).iter().map(|a| a.cents.to_string()).collect()
    };
    assert!(amounts("TVA non applicable, article 262 ter I du CGI").is_empty());
    assert!(amounts("Exonération de TVA, articles 262 ter I et 298 sexies du CGI").is_empty());
    assert!(amounts("Steuerschuldnerschaft des Leistungsempfängers, § 13b UStG").is_empty());
    assert!(amounts("Tél. 01 23 45 67 89").is_empty());
    assert!(amounts("Tel: +33 1 40 20 50 50").is_empty(), "{:?}", amounts("Tel: +33 1 40 20 50 50"));
    assert!(amounts("12 rue de la Paix, 75002 Paris").iter().all(|a| a != "75002.00"));
    assert!(amounts("Beratung   10 Std   95,00").iter().all(|a| a != "10.00"));
    assert_eq!(amounts("3 x 12,50"), vec!["12.50"]);
    assert_eq!(amounts("Total TTC   1 234,56 €"), vec!["1234.56"]);
    assert_eq!(amounts("Montant 1250"), vec!["1250.00"]);
}

#[test]
fn an_exemption_reference_is_not_the_vat_amount() {
    let doc = text(&[
        "Formation Conseil EI",
        "FACTURE N° 2024-12",
        "Date : 02/09/2024",
        "Total HT                 600,00",
        "TVA non applicable, article 262 ter I du CGI",
        "Net à payer              600,00",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    assert_ne!(value(&f.total_tax), s("262.00"));
    assert_eq!(value(&f.total_including_tax), s("600.00"));
}

// ---- totals by arithmetic -------------------------------------------------------------------

#[test]
fn unlabelled_totals_are_found_by_arithmetic_or_withheld() {
    let doc = text(&[
        "Some Supplier Ltd",
        "INVOICE INV-77",
        "Widget                 2 x 41,50        83,00",
        "                                       416,67",
        "                                        83,33",
        "                                       500,00",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    let (ht, tva, ttc) = totals_of(&f);
    match (ht, tva, ttc) {
        (Some(ht), Some(tva), Some(ttc)) => {
            assert_eq!((ht.as_str(), tva.as_str(), ttc.as_str()), ("416.67", "83.33", "500.00"))
        }
        (None, None, _) => {}
        other => panic!("a partial triple that was not checked: {other:?}"),
    }
}

// ---- where values are printed ---------------------------------------------------------------

#[test]
fn values_are_located_on_their_page_and_in_their_word_boxes() {
    let tsv = concat!(
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n",
        "5\t1\t1\t1\t1\t1\t100\t900\t80\t30\t96\tTotal\n",
        "5\t1\t1\t1\t1\t2\t190\t900\t60\t30\t96\tTTC\n",
        "5\t1\t2\t1\t1\t1\t700\t902\t20\t30\t95\t1\n",
        "5\t1\t2\t1\t1\t2\t725\t902\t90\t30\t95\t130,50\n",
        "4\t1\t2\t1\t1\t0\t700\t902\t115\t30\t-1\t\n",
        "garbage line\n",
    );
    let words = crate::ocr::fields::parse_tsv(tsv);
    assert_eq!(words.len(), 1);
    assert_eq!(words[0].len(), 4);
    let pages = ["Nothing here", "Total TTC        1 130,50 €"];
    let mut f = Fields {
        total_including_tax: Some(Field::new("1130.50".to_owned(), 0.9, Source::Ocr)),
        total_tax: Some(Field::new("77.77".to_owned(), 0.9, Source::Ocr)),
        ..Fields::default()
    };
    let no_words: &[crate::ocr::fields::Word] = &[];
    locate(&mut f, &pages, &[no_words, &words[0]]);
    let ttc = f.total_including_tax.unwrap();
    assert_eq!(ttc.page, Some(2));
    assert_eq!(ttc.bbox, Some([700, 902, 115, 30]), "the two words that print 1 130,50");
    let tax = f.total_tax.unwrap();
    assert_eq!((tax.page, tax.bbox), (None, None), "a value printed nowhere is not placed");
}

// ---- which document, which date, which number ------------------------------------------

/// OCR put the quoted invoice before the title: the credit note's own title and number label
/// decide its kind, and its date sits under its number, not after "la facture du".
#[test]
fn a_credit_note_quoting_the_invoice_it_cancels() {
    let doc = text(&[
        "Cabinet Moreau & Associés",
        "Annule et remplace la facture du 25/04/2024",
        "Désignation Qté",
        "AV0IR",
        "Avoir n° F2024-351",
        "du 2 mai 2024",
        "Montant HT 100,00 €",
        "Montant TVA 20,00 €",
        "Montant TTC à rembourser 120,00 €",
    ]);
    let f = extract(&[&doc], Source::Ocr);
    assert_eq!(value(&f.kind), Some(DocumentKind::CreditNote));
    assert_eq!(value(&f.date), s("2024-05-02"));
    assert_eq!(value(&f.invoice_number), s("F2024-351"));
    // The same dates in English and German credit notes.
    let doc = text(&[
        "CREDIT NOTE",
        "Original invoice date: 3 March 2024",
        "Credit note no. CN-7",
        "Issue date: 9 March 2024",
    ]);
    assert_eq!(value(&extract(&[&doc], Source::TextLayer).date), s("2024-03-09"));
    let doc = text(&["GUTSCHRIFT", "zur Rechnung vom 01.03.2024", "Datum 08.03.2024"]);
    assert_eq!(value(&extract(&[&doc], Source::TextLayer).date), s("2024-03-08"));
}

#[test]
fn invoice_numbers_beside_a_bare_number_word_or_below_their_label() {
    // "N°" alone at the start of a header box.
    let doc = text(&["Menuiserie Lambert SARL", "FACTURE", "N° FA2024-1113", "Date : 14/06/2024"]);
    assert_eq!(value(&extract(&[&doc], Source::Ocr).invoice_number), s("FA2024-1113"));
    // "Nº Factura" in a sidebar, the value on the next line.
    let doc = text(&["FACTURA", "", "Nº Factura", "", "A2024-8027", "", "Fecha", "18/03/2024"]);
    assert_eq!(value(&extract(&[&doc], Source::TextLayer).invoice_number), s("A2024-8027"));
    // Receipts: "Receipt FA-..." and "Bonnummer:".
    let doc = text(&["THE CORNER CAFE", "Receipt FA2024-7614", "TOTAL GBP 12.00"]);
    assert_eq!(value(&extract(&[&doc], Source::Ocr).invoice_number), s("FA2024-7614"));
    let doc = text(&["BAKKERIJ DE ZON", "KASSABON", "Bonnummer: F2024-1258", "Totaal 12,00"]);
    assert_eq!(value(&extract(&[&doc], Source::Ocr).invoice_number), s("F2024-1258"));
}

#[test]
fn numbers_that_are_not_invoice_numbers() {
    // Beside "N°": a VAT number, an IBAN, a phone number, an amount are not the number.
    for other in ["FR44732829320", "FR7630006000011234567890189", "04.78.12.34.56", "0478123456", "1.234,56"] {
        assert!(!valid_number(other, false), "{other}");
    }
    assert!(valid_number("FA2024-1113", false));
    assert!(valid_number("2024-0012", false));
    let doc = text(&["FACTURE", "N° TVA FR44732829320", "N° 0478123456"]);
    assert_eq!(value(&extract(&[&doc], Source::TextLayer).invoice_number), None);
}

// ---- word-box geometry ------------------------------------------------------------------

pub(super) fn word(text: &str, left: u32, top: u32, block: u32) -> crate::ocr::fields::Word {
    crate::ocr::fields::Word { line: (block, 1, 1), ..sized_word(text, left, top, 30) }
}

/// A word box 12 pixels a character wide and `height` high.
pub(super) fn sized_word(text: &str, left: u32, top: u32, height: u32) -> crate::ocr::fields::Word {
    crate::ocr::fields::Word {
        text: text.into(),
        bbox: [left, top, 12 * text.chars().count() as u32, height],
        line: (1, 1, 1),
        conf: 96,
    }
}

/// Tesseract read a boxed totals table as a block of labels then a block of amounts; laid out
/// again from the boxes, each label shares its row with its amount.
#[test]
fn word_boxes_pair_labels_and_amounts_that_ocr_split_into_blocks() {
    let words = vec![
        word("Montant", 100, 1000, 1),
        word("HT", 196, 1000, 1),
        word("Montant", 100, 1050, 1),
        word("TVA", 196, 1052, 1),
        word("Montant", 100, 1100, 1),
        word("TTC", 196, 1098, 1),
        word("1", 900, 1002, 2),
        word("000,00", 924, 1002, 2),
        word("170,00", 924, 1051, 2),
        word("1", 900, 1101, 2),
        word("170,00", 924, 1101, 2),
    ];
    let laid = relayout(&words);
    let rows: Vec<&str> = laid.lines().collect();
    assert_eq!(rows.len(), 3, "{laid}");
    assert!(rows[0].trim_start().starts_with("Montant HT") && rows[0].ends_with("1 000,00"), "{laid}");
    // The text as Tesseract wrote it, the amounts' block first: the text alone pairs nothing,
    // and 17 % (Luxembourg) is no rate the arithmetic would assume.
    let split = text(&["1 000,00", "170,00", "1 170,00", "", "Montant HT", "Montant TVA", "Montant TTC"]);
    let by_text = extract(&[&split], Source::Ocr);
    assert_eq!(value(&by_text.consistent), None);
    let slices: Vec<&[crate::ocr::fields::Word]> = vec![&words];
    let f = extract_with_words(&[&split], &slices, Source::Ocr, Hints::default());
    let triple = totals_of(&f);
    assert_eq!(triple, (s("1000.00"), s("170.00"), s("1170.00")));
    assert_eq!(value(&f.consistent), Some(true));
}

/// A scan lost the invoice date's label: of the unlabelled dates, the one after the due date
/// is a payment date, not the invoice's.
#[test]
fn an_unlabelled_date_after_the_due_date_is_not_the_invoice_date() {
    let doc =
        text(&["FACTURE F-88", "Payé le 20/04/2026", "15/03/2026", "Échéance : 14/04/2026", "Total TTC 120,00 €"]);
    assert_eq!(value(&extract(&[&doc], Source::Ocr).date), s("2026-03-15"));
}

/// The customer's VAT number, labelled in German: not the supplier's.
#[test]
fn a_customer_vat_number_labelled_in_another_language_is_not_the_suppliers() {
    let doc = text(&["Feinkost Wagner OHG", "RECHNUNG 12", "USt-IdNr. des Kunden: FR44732829320", "Summe 10,00 €"]);
    assert_eq!(value(&extract(&[&doc], Source::TextLayer).vat_number), None);
    let doc = text(&["Feinkost Wagner OHG", "RECHNUNG 12", "USt-IdNr.: FR44732829320", "Summe 10,00 €"]);
    assert_eq!(value(&extract(&[&doc], Source::TextLayer).vat_number), s("FR44732829320"));
}

/// The issue date lost by OCR: a payment date after the due date is no invoice date, even
/// under "le"; nothing is reported rather than it.
#[test]
fn a_payment_date_is_not_the_invoice_date() {
    let doc = text(&["FACTURE", "Total TTC 2 501,60 €", "Échéance : 01/05/2024", "Réglé par carte le 04/05/2024"]);
    assert_eq!(value(&extract(&[&doc], Source::Ocr).date), None);
    let doc = text(&["FACTURE", "Date : 17/04/2024", "Échéance : 01/05/2024", "Réglé par carte le 04/05/2024"]);
    assert_eq!(value(&extract(&[&doc], Source::Ocr).date), s("2024-04-17"));
}

/// Two rates in columns: "Steuerbasisbetrag 99,00 100,00" and "Steuerbetrag 6,93 19,00". Their
/// last amounts prove 119,00 at 19 %, but that is the 19 % row's gross, no misreading of the
/// "Gesamtbetrag 224,93" printed: the repair does not replace it, HT and TVA are withheld.
#[test]
fn a_repair_replaces_only_a_reading_it_could_be_a_misreading_of() {
    let doc = text(&[
        "Muster GmbH",
        "Rechnung Nr. 471102",
        "Pos Artikel Menge Preis Betrag",
        "1 Kaffee 10 9,90 99,00",
        "2 Tasse 4 25,00 100,00",
        "Steuerbasisbetrag      99,00    100,00",
        "Steuersatz 7 % 19 %",
        "Steuerbetrag   6,93  19,00",
        "Gesamtbetrag    224,93",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    let triple = totals_of(&f);
    assert_eq!(triple, (None, None, s("224.93")));
    assert_eq!(value(&f.consistent), None);

    use super::totals::misread_of;
    assert!(misread_of(12_000, 12_800), "one figure");
    assert!(misread_of(123_456, 12_345_600), "a decimal separator missed");
    assert!(misread_of(21_000, 20_000), "an HT printed before a charge");
    assert!(!misread_of(11_900, 22_493));
    assert!(!misread_of(5, 9), "too short to tell");
}

/// A page with a 7 % and a 19 % row, each printed as net, VAT and gross, and no totals but the
/// amount to pay: a row adds up, but it is a row, not the document's totals.
#[test]
fn one_rate_row_of_a_multi_rate_page_is_not_the_totals() {
    let doc = text(&[
        "Muster GmbH",
        "Rechnung Nr. 471102",
        "Nettobetrag 7 %        99,00",
        "MwSt. 7 %               6,93",
        "Bruttobetrag 7 %      105,93",
        "Nettobetrag 19 %      100,00",
        "MwSt. 19 %             19,00",
        "Bruttobetrag 19 %     119,00",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    let triple = totals_of(&f);
    assert_eq!(triple, (None, None, None), "{:?}", f.vat_breakdown);
}

/// Labels read for the tax alone, on a page printing two rates: the amounts that add up at one
/// rate (the 7 % net, tax and gross) are that rate's, not the totals. With one rate printed,
/// the same amounts are the totals.
#[test]
fn arithmetic_on_a_page_of_several_rates_needs_two_labels() {
    let page = |rate: &str| {
        text(&[
            "Muster GmbH",
            "Rechnung Nr. 471102",
            "Artikel                 Steuer       Betrag",
            "Buch                    7 %           99,00",
            &format!("Kabel                   {rate}         100,00"),
            "MwSt                                   6,93",
            "                                     105,93",
        ])
    };
    let f = extract(&[&page("19 %")], Source::TextLayer);
    assert_eq!(totals_of(&f), (None, None, None), "{:?}", f.totals_rule);
    let f = extract(&[&page(" 7 %")], Source::TextLayer);
    assert_eq!(totals_of(&f), triple("99.00", "6.93", "105.93"), "{:?}", f.totals_rule);
}

/// A header over a column of several amounts heads a table, one row per rate: its first row is
/// not the totals. Only a row that sums the ones above it is.
#[test]
fn a_header_over_several_rows_gives_no_total_but_a_sum_row() {
    let rows = [
        "Muster GmbH",
        "Rechnung Nr. 471102",
        "Nettobetrag      USt-Betrag    Bruttobetrag",
        "  99,00            6,93         105,93",
        " 100,00           19,00         119,00",
    ];
    let f = extract(&[&text(&rows)], Source::TextLayer);
    let triple = totals_of(&f);
    assert_eq!(triple, (None, None, None), "the 7 % row is no total");

    let with_sum: Vec<&str> = rows.iter().copied().chain([" 199,00           25,93         224,93"]).collect();
    let f = extract(&[&text(&with_sum)], Source::TextLayer);
    let triple = totals_of(&f);
    assert_eq!(triple, (s("199.00"), s("25.93"), s("224.93")));
    assert_eq!(value(&f.consistent), Some(true));
}

/// The repair replaces a printed HT that the page itself sets apart from the proved one: the
/// shipping charge printed between it and the tax (4 533,30 + 6,90 = 4 540,20, 20 % of which is
/// 908,04), though the two figures are far from a misreading of each other.
#[test]
fn a_repair_replaces_a_total_printed_before_a_charge() {
    let doc = text(&[
        "FACTURE",
        "Produit 76        4     325,87     1 303,48",
        "Modul 25          8     310,33     2 482,64",
        "Modul 12          5      61,26       306,30",
        "Item 67           8      55,11       440,88",
        "                  Total HT                 4 533,30 €",
        "                  Frais de port HT             6,90 €",
        "                  TVA 20 %                   908,04 €",
        "                  Total TTC                5 448,24 €",
    ]);
    let f = extract(&[&doc], Source::TextLayer);
    let triple = totals_of(&f);
    assert_eq!(triple, (s("4540.20"), s("908.04"), s("5448.24")));
}

/// One labelled tax and two amounts far apart on the page that happen to differ by it are no
/// totals block: positions up top, a labelled tax at the bottom. Close together, under the
/// label, they are.
#[test]
fn arithmetic_with_one_label_needs_the_amounts_together() {
    let mut far = vec!["Muster GmbH", "Rechnung Nr. 5512", "Pos  Artikel                 Betrag"];
    far.push("1    Beratung                 250,00");
    let fillers = ["2    Anfahrt                   35,50", "3    Material                  12,40"];
    for _ in 0..5 {
        far.extend(fillers);
    }
    far.push("4    Wartung                  297,50");
    far.extend(["", "Umsatzsteuer                  47,50"]);
    let f = extract(&[&text(&far)], Source::Ocr);
    assert_eq!(totals_of(&f), (None, None, None), "{:?}", f.totals_rule);

    let near = [
        "Muster GmbH",
        "Rechnung Nr. 5512",
        "1    Beratung                 250,00",
        "                              250,00",
        "Umsatzsteuer                  47,50",
        "                              297,50",
    ];
    let f = extract(&[&text(&near)], Source::Ocr);
    assert_eq!(totals_of(&f), triple("250.00", "47.50", "297.50"), "{:?}", f.totals_rule);
}

/// A page that labels two different taxes (one per rate, the rates printed without "%") and
/// neither the net nor the gross: a triple built on one of the taxes is as likely that rate's
/// row as the totals, and is withheld. With one labelled tax, the same arithmetic holds.
#[test]
fn arithmetic_on_one_of_several_labelled_taxes_is_withheld() {
    let page = |lines: &[&str]| {
        let mut all = vec!["Muster GmbH", "Rechnung Nr. 471102", "Pos  Artikel                Betrag"];
        all.extend(lines);
        text(&all)
    };
    let several = page(&[
        "1    Joghurt                275,00",
        "2    Trennblätter           198,00",
        "     Umsatzsteuer            19,25",
        "     Umsatzsteuer            37,62",
        "                            294,25",
    ]);
    let f = extract(&[&several], Source::Ocr);
    assert_eq!(totals_of(&f), (None, None, None), "{:?}", f.totals_rule);
    let one = page(&[
        "1    Joghurt                275,00",
        "     Umsatzsteuer            19,25",
        "                            294,25",
    ]);
    let f = extract(&[&one], Source::Ocr);
    assert_eq!(totals_of(&f), triple("275.00", "19.25", "294.25"), "{:?}", f.totals_rule);
}

/// A hyphen or a word without capitals or ascenders ("rue") has a small box whose centre sits
/// below its row's: it stays in its row, and a tall box (a table rule read as "|") does not
/// pull the next line in.
#[test]
fn small_words_stay_in_their_row_and_tall_boxes_do_not_swallow_the_next_line() {
    let words = vec![
        sized_word("Garosud", 100, 178, 16),
        sized_word("-", 200, 187, 2),
        sized_word("95", 220, 179, 15),
        sized_word("rue", 260, 182, 12),
        sized_word("Jasse", 320, 178, 16),
        sized_word("Tél.", 100, 205, 16),
        sized_word("27", 160, 206, 29),
        sized_word("|", 200, 200, 45),
        sized_word("RE2024-2577", 300, 216, 17),
        sized_word("commandes@distriboissons.fr", 100, 233, 19),
    ];
    let laid = relayout(&words);
    let rows: Vec<&str> = laid.lines().map(str::trim).collect();
    assert_eq!(rows.len(), 3, "{laid}");
    assert!(rows[0].contains("rue") && rows[0].contains(" - "), "{laid}");
    assert!(rows[2].starts_with("commandes@"), "{laid}");
}

/// OCR's text put a logo and the title in one block ("KESTREL CREDIT NOTE"); the word rows read
/// the title alone. The kind they read decides the text's dates too: on a credit note, "Invoice
/// Date" is the credited invoice's.
#[test]
fn a_kind_only_the_word_rows_read_decides_the_dates_of_the_text() {
    let words = vec![
        word("KESTREL", 100, 100, 1),
        word("CREDIT", 900, 100, 2),
        word("NOTE", 990, 100, 2),
        word("Date", 600, 150, 3),
        word("/", 660, 150, 3),
        word("Tax", 680, 150, 3),
        word("Point", 730, 150, 3),
        word("27/05/2024", 900, 150, 3),
        word("Credit", 100, 200, 4),
        word("to", 180, 200, 4),
        word("Invoice", 600, 200, 5),
        word("Date", 700, 200, 5),
        word("19/05/2024", 900, 200, 5),
    ];
    let split = text(&["KESTREL CREDIT NOTE", "Date / Tax Point 27/05/2024", "Credit to Invoice Date 19/05/2024"]);
    assert_eq!(value(&extract(&[&split], Source::Ocr).kind), None);
    let slices: Vec<&[crate::ocr::fields::Word]> = vec![&words];
    let f = extract_with_words(&[&split], &slices, Source::Ocr, Hints::default());
    assert_eq!(value(&f.kind), Some(DocumentKind::CreditNote));
    assert_eq!(value(&f.date), s("2024-05-27"));
}

/// An invoice number whose characters Tesseract read with low confidence ("24/02068" read
/// "24102068" at 56) is withheld; read surely once on the page, or from a text layer, it stays.
#[test]
fn an_invoice_number_read_with_low_confidence_is_withheld() {
    let page = text(&["RECHNUNG", "Rechnungs-Nr. 24102068", "Datum 22.08.2024"]);
    let with = |confs: &[u8]| {
        let mut words = Vec::new();
        for (i, conf) in confs.iter().enumerate() {
            let top = 100 + 100 * i as u32;
            words.push(word("Rechnungs-Nr.", 100, top, i as u32));
            words.push(crate::ocr::fields::Word { conf: *conf, ..word("24102068", 400, top, i as u32) });
        }
        let mut f = extract(&[&page], Source::Ocr);
        withhold_misread(&mut f, &[&words]);
        value(&f.invoice_number)
    };
    assert_eq!(with(&[56]), None);
    assert_eq!(with(&[56, 91]), s("24102068"));
    assert_eq!(with(&[91]), s("24102068"));
    assert_eq!(with(&[]), s("24102068"));
    let mut f = extract(&[&page], Source::TextLayer);
    let words = [crate::ocr::fields::Word { conf: 0, ..word("24102068", 400, 100, 1) }];
    withhold_misread(&mut f, &[&words]);
    assert_eq!(value(&f.invoice_number), s("24102068"));
}
