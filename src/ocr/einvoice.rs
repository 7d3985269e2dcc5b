//! Structured e-invoices: Factur-X / ZUGFeRD 2 (UN/CEFACT CII D16B and later) and UBL 2.1 Invoice /
//! CreditNote, read with EN 16931 semantics. Unlike OCR, the values are exact, so every field comes
//! out with `Source::Xml` and confidence 1.0; a value the XML lacks, or that fails its checksum,
//! stays absent rather than being guessed.
//!
//! Elements are matched by namespace URI and local name, never by prefix: producers bind the same
//! namespaces to `rsm:`/`ram:`, to other prefixes, or to the default namespace.

use std::borrow::Cow;

use roxmltree::{Document, Node, ParsingOptions};

use super::amount::{format_rate, Cents};
use super::checksum::{iban, siren_valid as valid_siren, siret_valid as valid_siret, vat_number};
use super::fields::{DocumentKind, Field, Fields, Source, VatLine};

/// The two EN 16931 syntaxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// UN/CEFACT Cross Industry Invoice, as embedded by Factur-X and ZUGFeRD 2.
    Cii,
    /// OASIS UBL 2.1 `Invoice` or `CreditNote`.
    Ubl,
}

#[derive(Debug, thiserror::Error)]
pub enum EInvoiceError {
    #[error("not well-formed XML: {0}")]
    Xml(String),
    #[error("not a CII or UBL invoice")]
    NotAnInvoice,
}

/// File names under which hybrid PDFs embed their XML: `factur-x.xml` (Factur-X 1.0, ZUGFeRD 2.1+),
/// `zugferd-invoice.xml` (ZUGFeRD 2.0), `ZUGFeRD-invoice.xml` (ZUGFeRD 1.0, whose
/// `CrossIndustryDocument` syntax `parse` does not read), `xrechnung.xml` (ZUGFeRD's XRECHNUNG
/// profile). Order-X's `order-x.xml` is left out on purpose: it holds a purchase order.
pub const EMBEDDED_NAMES: &[&str] = &["factur-x.xml", "zugferd-invoice.xml", "ZUGFeRD-invoice.xml", "xrechnung.xml"];

/// Whether an embedded file's name is one of [`EMBEDDED_NAMES`]. Case-insensitive because PDF
/// producers do not agree on ZUGFeRD's capitalisation.
pub fn is_embedded_invoice_name(name: &str) -> bool {
    let name = name.trim();
    EMBEDDED_NAMES.iter().any(|known| known.eq_ignore_ascii_case(name))
}

/// Which e-invoice syntax an XML document is, from its root element and namespace: CII
/// `rsm:CrossIndustryInvoice` (urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100), UBL
/// `Invoice` / `CreditNote` (urn:oasis:names:specification:ubl:schema:xsd:Invoice-2 / CreditNote-2).
/// None otherwise (including malformed XML).
pub fn detect(xml: &[u8]) -> Option<Syntax> {
    let text = decode(xml).ok()?;
    let document = load(&text).ok()?;
    syntax_of(document.root_element())
}

/// Reads the fields exactly from the XML. Every field's source is Source::Xml and confidence 1.0.
pub fn parse(xml: &[u8]) -> Result<Fields, EInvoiceError> {
    let text = decode(xml)?;
    let document = load(&text)?;
    let root = document.root_element();
    let extracted = match syntax_of(root).ok_or(EInvoiceError::NotAnInvoice)? {
        Syntax::Cii => cii::read(root),
        Syntax::Ubl => ubl::read(root),
    };
    Ok(extracted.into_fields())
}

const RSM: &str = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
const RAM: &str = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
const UDT: &str = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
const UBL_INVOICE: &str = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
const UBL_CREDIT_NOTE: &str = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
const CAC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
const CBC: &str = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

fn syntax_of(root: Node) -> Option<Syntax> {
    let name = root.tag_name();
    match (name.namespace()?, name.name()) {
        (RSM, "CrossIndustryInvoice") => Some(Syntax::Cii),
        (UBL_INVOICE, "Invoice") | (UBL_CREDIT_NOTE, "CreditNote") => Some(Syntax::Ubl),
        _ => None,
    }
}

/// XML's own encoding detection reduced to what e-invoices use: UTF-8 (with or without BOM), and
/// UTF-16 marked by its BOM. roxmltree needs a `str`; any other encoding is refused, not guessed.
fn decode(xml: &[u8]) -> Result<Cow<'_, str>, EInvoiceError> {
    if let Some(rest) = xml.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    if let Some(rest) = xml.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = xml.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    utf8(xml)
}

fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>, EInvoiceError> {
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|_| EInvoiceError::Xml("not UTF-8 or UTF-16".into()))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<Cow<'_, str>, EInvoiceError> {
    let invalid = || EInvoiceError::Xml("invalid UTF-16".into());
    if bytes.len() % 2 != 0 {
        return Err(invalid());
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map(Cow::Owned).map_err(|_| invalid())
}

fn load(text: &str) -> Result<Document<'_>, EInvoiceError> {
    // No e-invoice needs a DTD, and entity declarations are how billion-laughs and external-entity
    // attacks get in: keep roxmltree's refusal explicit so a later default change cannot lift it.
    let options = ParsingOptions { allow_dtd: false, ..ParsingOptions::default() };
    Document::parse_with_options(text, options).map_err(|error| EInvoiceError::Xml(error.to_string()))
}

/// One step of a path: namespace URI and local name.
type Step = (&'static str, &'static str);

fn is(node: Node, (namespace, name): Step) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(namespace)
}

fn children<'a, 'i>(node: Node<'a, 'i>, step: Step) -> impl Iterator<Item = Node<'a, 'i>> {
    node.children().filter(move |child| is(*child, step))
}

fn child<'a, 'i>(node: Node<'a, 'i>, step: Step) -> Option<Node<'a, 'i>> {
    children(node, step).next()
}

/// Every element at the end of `path`, in document order. Repeated elements on the way are all
/// walked, so a value under the second `PaymentMeans` is found when the first has none.
fn select<'a, 'i>(node: Node<'a, 'i>, path: &[Step]) -> Vec<Node<'a, 'i>> {
    path.iter().fold(vec![node], |nodes, step| nodes.into_iter().flat_map(|n| children(n, *step)).collect())
}

/// The element's trimmed text, `None` when empty. Text nodes are joined because a comment or
/// CDATA section splits an element's content into several of them.
fn text(node: Node) -> Option<String> {
    let joined: String = node.children().filter(Node::is_text).filter_map(|n| n.text()).collect();
    let trimmed = joined.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

fn first<'a, 'i>(node: Node<'a, 'i>, path: &[Step]) -> Option<Node<'a, 'i>> {
    select(node, path).into_iter().next()
}

fn text_at(node: Node, path: &[Step]) -> Option<String> {
    select(node, path).into_iter().find_map(text)
}

/// Among amounts an invoice may repeat per currency (CII's `TaxTotalAmount` holds BT-110 in the
/// invoice currency and BT-111 in the VAT accounting currency), the one in the invoice currency;
/// failing that the first with no `currencyID`, which can only be in the invoice currency.
fn in_currency<'a, 'i>(nodes: Vec<Node<'a, 'i>>, currency: Option<&str>) -> Option<Node<'a, 'i>> {
    let Some(currency) = currency else {
        return nodes.into_iter().next();
    };
    let matches = |node: &Node| node.attribute("currencyID").is_some_and(|id| id.trim().eq_ignore_ascii_case(currency));
    let chosen = nodes.iter().find(|node| matches(node));
    chosen.or_else(|| nodes.iter().find(|node| !node.has_attribute("currencyID"))).copied()
}

fn amount(node: Option<Node>) -> Option<Cents> {
    Cents::parse_decimal(&text(node?)?)
}

/// UNTDID 1001 document codes accepted by EN 16931 and the French e-invoicing reform (XP Z12-012):
/// invoices, including corrected, prepayment, self-billed and factored ones, and credit notes.
fn kind_from_code(code: &str) -> DocumentKind {
    match code {
        "380" | "384" | "386" | "389" | "393" | "471" | "472" | "473" | "500" | "501" => DocumentKind::Invoice,
        "381" | "261" | "262" | "396" | "502" | "503" => DocumentKind::CreditNote,
        _ => DocumentKind::Other,
    }
}

/// `YYYY-MM-DD` if the parts make a real calendar date.
fn iso_date(year: &str, month: &str, day: &str) -> Option<String> {
    let digits = |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then(|| format!("{year}-{month}-{day}"))
}

fn compact(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Names may be wrapped by pretty-printers: collapse whitespace runs.
fn name(raw: String) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn currency_code(raw: String) -> Option<String> {
    let code = raw.to_ascii_uppercase();
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(code)
}

/// SIREN and SIRET collected from a party's identifiers, first valid one of each winning.
#[derive(Default)]
struct CompanyIds {
    siren: Option<String>,
    siret: Option<String>,
}

impl CompanyIds {
    /// Only identifiers in the ISO 6523 schemes of the French registry are taken: 0002 (SIREN)
    /// and 0009 (SIRET). The length, not the scheme, says which one it is, since producers put a
    /// SIRET under 0002 too; a SIRET also gives its SIREN (its first 9 digits).
    fn add(&mut self, scheme: Option<&str>, raw: Option<String>) {
        let (Some(scheme), Some(raw)) = (scheme, raw) else { return };
        if !matches!(scheme.trim(), "0002" | "0009") {
            return;
        }
        let value = compact(&raw);
        if valid_siret(&value) {
            self.siret.get_or_insert_with(|| value.clone());
            self.siren.get_or_insert_with(|| value[..9].to_owned());
        } else if valid_siren(&value) {
            self.siren.get_or_insert(value);
        }
    }

    fn from_nodes<'a, 'i: 'a>(nodes: impl IntoIterator<Item = Node<'a, 'i>>) -> Self {
        let mut ids = Self::default();
        for node in nodes {
            ids.add(node.attribute("schemeID"), text(node));
        }
        ids
    }
}

/// A VAT breakdown line from its raw parts. EN 16931 leaves the rate out only for category O
/// (outside the scope of VAT), where the tax is zero: that line is kept at rate 0. A line without
/// a readable tax amount, or with a non-zero tax and no rate, is dropped.
fn vat_line(rate: Option<String>, taxable: Option<String>, tax: Option<String>) -> Option<VatLine> {
    let tax = Cents::parse_decimal(&tax?)?;
    let rate = match rate {
        Some(raw) => format_rate(&raw)?,
        None if tax == Cents(0) => "0".to_owned(),
        None => return None,
    };
    let taxable_amount = taxable.and_then(|raw| Cents::parse_decimal(&raw)).map(|cents| cents.to_string());
    Some(VatLine { rate, taxable_amount, tax_amount: tax.to_string() })
}

/// What a syntax reader found, before it is wrapped into [`Fields`].
#[derive(Default)]
struct Extracted {
    kind: Option<DocumentKind>,
    date: Option<String>,
    invoice_number: Option<String>,
    supplier_name: Option<String>,
    ids: CompanyIds,
    vat_number: Option<String>,
    iban: Option<String>,
    currency: Option<String>,
    total_excluding_tax: Option<Cents>,
    total_tax: Option<Cents>,
    total_including_tax: Option<Cents>,
    vat_breakdown: Vec<VatLine>,
}

impl Extracted {
    fn into_fields(self) -> Fields {
        let consistent = match (self.total_excluding_tax, self.total_tax, self.total_including_tax) {
            (Some(ht), Some(tva), Some(ttc)) => Some(ht.0 + tva.0 == ttc.0),
            _ => None,
        };
        let breakdown = (!self.vat_breakdown.is_empty()).then_some(self.vat_breakdown);
        Fields {
            kind: exact(self.kind),
            date: exact(self.date),
            invoice_number: exact(self.invoice_number),
            supplier_name: exact(self.supplier_name),
            siren: exact(self.ids.siren),
            siret: exact(self.ids.siret),
            vat_number: exact(self.vat_number),
            iban: exact(self.iban),
            currency: exact(self.currency),
            total_excluding_tax: exact(self.total_excluding_tax.map(|c| c.to_string())),
            total_tax: exact(self.total_tax.map(|c| c.to_string())),
            total_including_tax: exact(self.total_including_tax.map(|c| c.to_string())),
            vat_breakdown: exact(breakdown),
            consistent: exact(consistent),
            totals_rule: None,
            ruled_out_dates: Vec::new(),
        }
    }
}

fn exact<T>(value: Option<T>) -> Option<Field<T>> {
    value.map(|value| Field::new(value, 1.0, Source::Xml))
}

/// UN/CEFACT CII, as profiled by Factur-X MINIMUM to EXTENDED: the paths below exist in every
/// profile that carries the value.
mod cii {
    use roxmltree::Node;

    use super::{
        amount, child, children, first, in_currency, iso_date, kind_from_code, name, select, text, text_at, vat_line,
        CompanyIds, Extracted, Step, RAM, RSM, UDT,
    };

    const fn ram(name: &'static str) -> Step {
        (RAM, name)
    }

    const DOCUMENT: Step = (RSM, "ExchangedDocument");
    const TRANSACTION: Step = (RSM, "SupplyChainTradeTransaction");
    const SELLER: &[Step] = &[TRANSACTION, ram("ApplicableHeaderTradeAgreement"), ram("SellerTradeParty")];
    const SETTLEMENT: &[Step] = &[TRANSACTION, ram("ApplicableHeaderTradeSettlement")];
    const IBAN: &[Step] =
        &[ram("SpecifiedTradeSettlementPaymentMeans"), ram("PayeePartyCreditorFinancialAccount"), ram("IBANID")];
    const SUMMATION: Step = ram("SpecifiedTradeSettlementHeaderMonetarySummation");

    pub(super) fn read(root: Node) -> Extracted {
        let mut extracted = Extracted {
            kind: text_at(root, &[DOCUMENT, ram("TypeCode")]).map(|code| kind_from_code(&code)),
            date: issue_date(root),
            invoice_number: text_at(root, &[DOCUMENT, ram("ID")]),
            ..Extracted::default()
        };
        if let Some(seller) = first(root, SELLER) {
            read_seller(seller, &mut extracted);
        }
        if let Some(settlement) = first(root, SETTLEMENT) {
            read_settlement(settlement, &mut extracted);
        }
        extracted
    }

    /// Only format 102 (`YYYYMMDD`) is a day: the month (610, `YYYYMM`) and week (616, `YYYYWW`)
    /// forms are too short for `iso_date`, so the `format` attribute need not be read.
    fn issue_date(root: Node) -> Option<String> {
        let raw = text_at(root, &[DOCUMENT, ram("IssueDateTime"), (UDT, "DateTimeString")])?;
        iso_date(raw.get(..4)?, raw.get(4..6)?, raw.get(6..)?)
    }

    fn read_seller(seller: Node, extracted: &mut Extracted) {
        extracted.supplier_name = text_at(seller, &[ram("Name")]).map(name);
        let legal = select(seller, &[ram("SpecifiedLegalOrganization"), ram("ID")]);
        extracted.ids = CompanyIds::from_nodes(legal.into_iter().chain(children(seller, ram("GlobalID"))));
        extracted.vat_number = select(seller, &[ram("SpecifiedTaxRegistration"), ram("ID")])
            .into_iter()
            .filter(|id| id.attribute("schemeID").is_some_and(|scheme| scheme.trim() == "VA"))
            .find_map(|id| super::vat_number(&text(id)?));
    }

    fn read_settlement(settlement: Node, extracted: &mut Extracted) {
        extracted.currency = text_at(settlement, &[ram("InvoiceCurrencyCode")]).and_then(super::currency_code);
        extracted.iban = select(settlement, IBAN).into_iter().find_map(|node| super::iban(&text(node)?));
        extracted.vat_breakdown = children(settlement, ram("ApplicableTradeTax")).filter_map(breakdown_line).collect();
        let Some(summation) = child(settlement, SUMMATION) else { return };
        let currency = extracted.currency.as_deref();
        let total = |element| amount(in_currency(children(summation, ram(element)).collect(), currency));
        extracted.total_excluding_tax = total("TaxBasisTotalAmount");
        extracted.total_tax = total("TaxTotalAmount");
        extracted.total_including_tax = total("GrandTotalAmount");
    }

    /// EN 16931 only puts VAT here, but EXTENDED tolerates other duty types: skip those.
    fn breakdown_line(tax: Node) -> Option<super::VatLine> {
        if text_at(tax, &[ram("TypeCode")]).is_some_and(|kind| kind != "VAT") {
            return None;
        }
        let part = |element| text_at(tax, &[ram(element)]);
        vat_line(part("RateApplicablePercent"), part("BasisAmount"), part("CalculatedAmount"))
    }
}

/// OASIS UBL 2.1 `Invoice` and `CreditNote`, whose EN 16931 paths differ only in the root and the
/// type code element.
mod ubl {
    use roxmltree::Node;

    use super::{
        amount, child, children, first, in_currency, iso_date, kind_from_code, name, select, text, text_at, vat_line,
        CompanyIds, DocumentKind, Extracted, Step, CAC, CBC,
    };

    const fn cac(name: &'static str) -> Step {
        (CAC, name)
    }

    const fn cbc(name: &'static str) -> Step {
        (CBC, name)
    }

    const SUPPLIER: &[Step] = &[cac("AccountingSupplierParty"), cac("Party")];
    const IBAN: &[Step] = &[cac("PaymentMeans"), cac("PayeeFinancialAccount"), cbc("ID")];

    pub(super) fn read(root: Node) -> Extracted {
        let currency = text_at(root, &[cbc("DocumentCurrencyCode")]).and_then(super::currency_code);
        let mut extracted = Extracted {
            kind: Some(kind(root)),
            date: issue_date(root),
            invoice_number: text_at(root, &[cbc("ID")]),
            iban: select(root, IBAN).into_iter().find_map(|node| super::iban(&text(node)?)),
            currency,
            ..Extracted::default()
        };
        if let Some(supplier) = first(root, SUPPLIER) {
            read_supplier(supplier, &mut extracted);
        }
        read_totals(root, &mut extracted);
        extracted
    }

    /// The root decides a credit note; for an `Invoice` the type code, which UBL (unlike EN 16931)
    /// lets producers omit, refines it.
    fn kind(root: Node) -> DocumentKind {
        if root.tag_name().name() == "CreditNote" {
            return DocumentKind::CreditNote;
        }
        text_at(root, &[cbc("InvoiceTypeCode")]).map_or(DocumentKind::Invoice, |code| kind_from_code(&code))
    }

    /// `xsd:date` may carry a time zone (`2024-03-15+01:00`, `2024-03-15Z`): the day is what counts.
    fn issue_date(root: Node) -> Option<String> {
        let raw = text_at(root, &[cbc("IssueDate")])?;
        let zone = raw.get(10..)?;
        let zoned = zone.is_empty() || zone == "Z" || zone.starts_with(['+', '-']);
        if !zoned || raw.get(4..5)? != "-" || raw.get(7..8)? != "-" {
            return None;
        }
        iso_date(raw.get(..4)?, raw.get(5..7)?, raw.get(8..10)?)
    }

    fn read_supplier(party: Node, extracted: &mut Extracted) {
        let legal_name = text_at(party, &[cac("PartyLegalEntity"), cbc("RegistrationName")]);
        extracted.supplier_name = legal_name.or_else(|| text_at(party, &[cac("PartyName"), cbc("Name")])).map(name);
        let legal = select(party, &[cac("PartyLegalEntity"), cbc("CompanyID")]);
        let other = select(party, &[cac("PartyIdentification"), cbc("ID")]);
        extracted.ids = CompanyIds::from_nodes(legal.into_iter().chain(other));
        extracted.vat_number = children(party, cac("PartyTaxScheme"))
            .filter(|scheme| is_vat_scheme(*scheme))
            .find_map(|scheme| super::vat_number(&text_at(scheme, &[cbc("CompanyID")])?));
    }

    /// A `PartyTaxScheme` also carries non-VAT registrations (scheme `LOC`, BT-32).
    fn is_vat_scheme(scheme: Node) -> bool {
        text_at(scheme, &[cac("TaxScheme"), cbc("ID")]).is_none_or(|id| id.eq_ignore_ascii_case("VAT"))
    }

    /// The VAT total and breakdown come from the `TaxTotal` in the document currency; a second
    /// one may hold BT-111 in the VAT accounting currency, without subtotals.
    fn read_totals(root: Node, extracted: &mut Extracted) {
        let currency = extracted.currency.as_deref();
        let tax_amounts = children(root, cac("TaxTotal")).filter_map(|total| child(total, cbc("TaxAmount")));
        let tax_amount = in_currency(tax_amounts.collect(), currency);
        extracted.total_tax = amount(tax_amount);
        if let Some(tax_total) = tax_amount.and_then(|node| node.parent()) {
            extracted.vat_breakdown = children(tax_total, cac("TaxSubtotal")).filter_map(breakdown_line).collect();
        }
        let total = |element| amount(in_currency(select(root, &[cac("LegalMonetaryTotal"), cbc(element)]), currency));
        extracted.total_excluding_tax = total("TaxExclusiveAmount");
        extracted.total_including_tax = total("TaxInclusiveAmount");
    }

    fn breakdown_line(subtotal: Node) -> Option<super::VatLine> {
        let rate = text_at(subtotal, &[cac("TaxCategory"), cbc("Percent")]);
        vat_line(rate, text_at(subtotal, &[cbc("TaxableAmount")]), text_at(subtotal, &[cbc("TaxAmount")]))
    }
}

#[cfg(test)]
mod tests {
    //! The CII and UBL samples marked "generated" come from the reference Python library
    //! `factur-x` (PyPI, version 7.8), which builds the XML from EN 16931 business terms and
    //! validates it against the official Factur-X / UBL XSDs. To regenerate:
    //!
    //! ```text
    //! python3 -m venv /tmp/fx && /tmp/fx/bin/pip install factur-x==7.8
    //! ```
    //!
    //! `gen.py FLAVOR LEVEL TYPE_CODE` (`factur-x en16931 380`, `ubl-2.1 en16931 380`; add
    //! `prefixed_namespaces=False` to `generate_xml` for the default-namespace variant):
    //!
    //! ```text
    //! import sys
    //! from facturx.generate_xml import generate_xml
    //! seller = {"name": "Boulangerie Dupont SARL", "legal_identifier": "73282932000074",
    //!           "legal_identifier_schemeid": "0009", "vat_identifier": "FR44732829320",
    //!           "country_code": "FR", "city": "Lyon", "postcode": "69002", "addr_l1": "12 rue de la Paix"}
    //! buyer = {"name": "Client SA", "legal_identifier": "552100554", "legal_identifier_schemeid": "0002",
    //!          "country_code": "FR", "city": "Paris", "postcode": "75001"}
    //! line = lambda n, qty, net, price, rate, item: {"BT-126": n, "BT-129": qty, "BT-130": "C62",
    //!     "BT-131": net, "BT-146": price, "BT-151": "S", "BT-152": rate, "BT-153": item}
    //! data = {"BT-1": "FA-2024-0042", "BT-2": "2024-03-15", "BT-3": sys.argv[3], "BT-5": "EUR",
    //!         "BG-4": seller, "BG-7": buyer, "BT-72": "2024-03-10", "BT-81": "58",
    //!         "BT-84": "FR7630006000011234567890189",
    //!         "BG-25": [line("1", "10", "1000.00", "100.00", "20", "Prestation"),
    //!                   line("2", "50", "234.50", "4.69", "5.5", "Pain")],
    //!         "BG-23": [{"BT-116": "1000.00", "BT-117": "200.00", "BT-118": "S", "BT-119": "20"},
    //!                   {"BT-116": "234.50", "BT-117": "12.90", "BT-118": "S", "BT-119": "5.5"}],
    //!         "BT-106": "1234.50", "BT-109": "1234.50", "BT-110": "212.90", "BT-112": "1447.40",
    //!         "BT-115": "1447.40"}
    //! xml = generate_xml(data, flavor=sys.argv[1], level=sys.argv[2], check_xsd=True, check_schematron=False)
    //! sys.stdout.write(xml.decode())
    //! ```
    //!
    //! `gen_credit.py`: the same call with `level="basicwl"` and
    //!
    //! ```text
    //! data = {"BT-1": "AV-2024-007", "BT-2": "2024-04-02", "BT-3": "381", "BT-5": "EUR", "BT-6": "USD",
    //!         "BT-72": "2024-04-01",
    //!         "BG-4": {"name": "Boulangerie Dupont SARL", "identifiers": {"0009": "73282932000074"},
    //!                  "vat_identifier": "FR44732829320", "country_code": "FR"},
    //!         "BG-7": {"name": "Client SA", "country_code": "FR"},
    //!         "BG-3": [{"BT-25": "FA-2024-0042", "BT-26": "2024-03-15"}],
    //!         "BG-23": [{"BT-116": "100.00", "BT-117": "20.00", "BT-118": "S", "BT-119": "20"}],
    //!         "BT-106": "100.00", "BT-109": "100.00", "BT-110": "20.00", "BT-111": "21.60",
    //!         "BT-112": "120.00", "BT-115": "120.00"}
    //! ```
    //!
    //! The library's own reader (`facturx.parse_xml.parse_ubl_cii_xml`) reads the same values from
    //! every sample as the expectations below (BT-1, 2, 3, 5, 84, 109, 110, 112, seller, BG-23).

    use super::*;

    /// Factur-X EN16931 invoice, two VAT rates; generated by `gen.py factur-x en16931 380` below.
    const CII_EN16931: &str = r#"<?xml version='1.0' encoding='UTF-8'?>
<rsm:CrossIndustryInvoice xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>urn:cen.eu:en16931:2017</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>FA-2024-0042</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime>
      <udt:DateTimeString format="102">20240315</udt:DateTimeString>
    </ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument>
        <ram:LineID>1</ram:LineID>
      </ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>
        <ram:Name>Prestation</ram:Name>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice>
          <ram:ChargeAmount>100.00</ram:ChargeAmount>
        </ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="C62">10</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>S</ram:CategoryCode>
          <ram:RateApplicablePercent>20</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>1000.00</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument>
        <ram:LineID>2</ram:LineID>
      </ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct>
        <ram:Name>Pain</ram:Name>
      </ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice>
          <ram:ChargeAmount>4.69</ram:ChargeAmount>
        </ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery>
        <ram:BilledQuantity unitCode="C62">50</ram:BilledQuantity>
      </ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax>
          <ram:TypeCode>VAT</ram:TypeCode>
          <ram:CategoryCode>S</ram:CategoryCode>
          <ram:RateApplicablePercent>5.5</ram:RateApplicablePercent>
        </ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>234.50</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty>
        <ram:Name>Boulangerie Dupont SARL</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0009">73282932000074</ram:ID>
        </ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>69002</ram:PostcodeCode>
          <ram:LineOne>12 rue de la Paix</ram:LineOne>
          <ram:CityName>Lyon</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">FR44732829320</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:Name>Client SA</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0002">552100554</ram:ID>
        </ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress>
          <ram:PostcodeCode>75001</ram:PostcodeCode>
          <ram:CityName>Paris</ram:CityName>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
      </ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent>
        <ram:OccurrenceDateTime>
          <udt:DateTimeString format="102">20240310</udt:DateTimeString>
        </ram:OccurrenceDateTime>
      </ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>58</ram:TypeCode>
        <ram:PayeePartyCreditorFinancialAccount>
          <ram:IBANID>FR7630006000011234567890189</ram:IBANID>
        </ram:PayeePartyCreditorFinancialAccount>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>200.00</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>1000.00</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:RateApplicablePercent>20</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>12.90</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>234.50</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:RateApplicablePercent>5.5</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>1234.50</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>1234.50</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">212.90</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>1447.40</ram:GrandTotalAmount>
        <ram:DuePayableAmount>1447.40</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
"#;

    /// The same invoice generated with `prefixed_namespaces=False`: every namespace is a default one.
    const CII_EN16931_DEFAULT_NS: &str = r#"<?xml version='1.0' encoding='UTF-8'?>
<CrossIndustryInvoice xmlns="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">
  <ExchangedDocumentContext>
    <GuidelineSpecifiedDocumentContextParameter xmlns="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
      <ID>urn:cen.eu:en16931:2017</ID>
    </GuidelineSpecifiedDocumentContextParameter>
  </ExchangedDocumentContext>
  <ExchangedDocument>
    <ID xmlns="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">FA-2024-0042</ID>
    <TypeCode xmlns="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">380</TypeCode>
    <IssueDateTime xmlns="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
      <DateTimeString xmlns="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" format="102">20240315</DateTimeString>
    </IssueDateTime>
  </ExchangedDocument>
  <SupplyChainTradeTransaction>
    <IncludedSupplyChainTradeLineItem xmlns="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
      <AssociatedDocumentLineDocument>
        <LineID>1</LineID>
      </AssociatedDocumentLineDocument>
      <SpecifiedTradeProduct>
        <Name>Prestation</Name>
      </SpecifiedTradeProduct>
      <SpecifiedLineTradeAgreement>
        <NetPriceProductTradePrice>
          <ChargeAmount>100.00</ChargeAmount>
        </NetPriceProductTradePrice>
      </SpecifiedLineTradeAgreement>
      <SpecifiedLineTradeDelivery>
        <BilledQuantity unitCode="C62">10</BilledQuantity>
      </SpecifiedLineTradeDelivery>
      <SpecifiedLineTradeSettlement>
        <ApplicableTradeTax>
          <TypeCode>VAT</TypeCode>
          <CategoryCode>S</CategoryCode>
          <RateApplicablePercent>20</RateApplicablePercent>
        </ApplicableTradeTax>
        <SpecifiedTradeSettlementLineMonetarySummation>
          <LineTotalAmount>1000.00</LineTotalAmount>
        </SpecifiedTradeSettlementLineMonetarySummation>
      </SpecifiedLineTradeSettlement>
    </IncludedSupplyChainTradeLineItem>
    <IncludedSupplyChainTradeLineItem xmlns="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
      <AssociatedDocumentLineDocument>
        <LineID>2</LineID>
      </AssociatedDocumentLineDocument>
      <SpecifiedTradeProduct>
        <Name>Pain</Name>
      </SpecifiedTradeProduct>
      <SpecifiedLineTradeAgreement>
        <NetPriceProductTradePrice>
          <ChargeAmount>4.69</ChargeAmount>
        </NetPriceProductTradePrice>
      </SpecifiedLineTradeAgreement>
      <SpecifiedLineTradeDelivery>
        <BilledQuantity unitCode="C62">50</BilledQuantity>
      </SpecifiedLineTradeDelivery>
      <SpecifiedLineTradeSettlement>
        <ApplicableTradeTax>
          <TypeCode>VAT</TypeCode>
          <CategoryCode>S</CategoryCode>
          <RateApplicablePercent>5.5</RateApplicablePercent>
        </ApplicableTradeTax>
        <SpecifiedTradeSettlementLineMonetarySummation>
          <LineTotalAmount>234.50</LineTotalAmount>
        </SpecifiedTradeSettlementLineMonetarySummation>
      </SpecifiedLineTradeSettlement>
    </IncludedSupplyChainTradeLineItem>
    <ApplicableHeaderTradeAgreement xmlns="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
      <SellerTradeParty>
        <Name>Boulangerie Dupont SARL</Name>
        <SpecifiedLegalOrganization>
          <ID schemeID="0009">73282932000074</ID>
        </SpecifiedLegalOrganization>
        <PostalTradeAddress>
          <PostcodeCode>69002</PostcodeCode>
          <LineOne>12 rue de la Paix</LineOne>
          <CityName>Lyon</CityName>
          <CountryID>FR</CountryID>
        </PostalTradeAddress>
        <SpecifiedTaxRegistration>
          <ID schemeID="VA">FR44732829320</ID>
        </SpecifiedTaxRegistration>
      </SellerTradeParty>
      <BuyerTradeParty>
        <Name>Client SA</Name>
        <SpecifiedLegalOrganization>
          <ID schemeID="0002">552100554</ID>
        </SpecifiedLegalOrganization>
        <PostalTradeAddress>
          <PostcodeCode>75001</PostcodeCode>
          <CityName>Paris</CityName>
          <CountryID>FR</CountryID>
        </PostalTradeAddress>
      </BuyerTradeParty>
    </ApplicableHeaderTradeAgreement>
    <ApplicableHeaderTradeDelivery xmlns="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
      <ActualDeliverySupplyChainEvent>
        <OccurrenceDateTime>
          <DateTimeString xmlns="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" format="102">20240310</DateTimeString>
        </OccurrenceDateTime>
      </ActualDeliverySupplyChainEvent>
    </ApplicableHeaderTradeDelivery>
    <ApplicableHeaderTradeSettlement xmlns="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
      <InvoiceCurrencyCode>EUR</InvoiceCurrencyCode>
      <SpecifiedTradeSettlementPaymentMeans>
        <TypeCode>58</TypeCode>
        <PayeePartyCreditorFinancialAccount>
          <IBANID>FR7630006000011234567890189</IBANID>
        </PayeePartyCreditorFinancialAccount>
      </SpecifiedTradeSettlementPaymentMeans>
      <ApplicableTradeTax>
        <CalculatedAmount>200.00</CalculatedAmount>
        <TypeCode>VAT</TypeCode>
        <BasisAmount>1000.00</BasisAmount>
        <CategoryCode>S</CategoryCode>
        <RateApplicablePercent>20</RateApplicablePercent>
      </ApplicableTradeTax>
      <ApplicableTradeTax>
        <CalculatedAmount>12.90</CalculatedAmount>
        <TypeCode>VAT</TypeCode>
        <BasisAmount>234.50</BasisAmount>
        <CategoryCode>S</CategoryCode>
        <RateApplicablePercent>5.5</RateApplicablePercent>
      </ApplicableTradeTax>
      <SpecifiedTradeSettlementHeaderMonetarySummation>
        <LineTotalAmount>1234.50</LineTotalAmount>
        <TaxBasisTotalAmount>1234.50</TaxBasisTotalAmount>
        <TaxTotalAmount currencyID="EUR">212.90</TaxTotalAmount>
        <GrandTotalAmount>1447.40</GrandTotalAmount>
        <DuePayableAmount>1447.40</DuePayableAmount>
      </SpecifiedTradeSettlementHeaderMonetarySummation>
    </ApplicableHeaderTradeSettlement>
  </SupplyChainTradeTransaction>
</CrossIndustryInvoice>
"#;

    /// Factur-X MINIMUM, hand-written, XSD-valid (`xml_check_xsd(xml, flavor="factur-x", level="minimum")`);
    /// identifiers with spaces and lowercase, amounts not written with two decimals.
    const CII_MINIMUM: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:BusinessProcessSpecifiedDocumentContextParameter>
      <ram:ID>A1</ram:ID>
    </ram:BusinessProcessSpecifiedDocumentContextParameter>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>urn:factur-x.eu:1p0:minimum</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>2024-118</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime>
      <udt:DateTimeString format="102">20241231</udt:DateTimeString>
    </ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty>
        <ram:Name>Plomberie Martin</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0002">732 829 320</ram:ID>
        </ram:SpecifiedLegalOrganization>
        <ram:PostalTradeAddress>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">fr 44 732829320</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:Name>Client SA</ram:Name>
        <ram:SpecifiedLegalOrganization>
          <ram:ID schemeID="0002">552100554</ram:ID>
        </ram:SpecifiedLegalOrganization>
      </ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:TaxBasisTotalAmount>250</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">50.0</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>300.00</ram:GrandTotalAmount>
        <ram:DuePayableAmount>300.00</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
"#;

    /// Factur-X BASIC WL credit note (381), SIRET as `ram:GlobalID`, and a VAT accounting currency
    /// (USD) so that two `TaxTotalAmount`s exist; generated by `gen_credit.py` below.
    const CII_CREDIT_NOTE: &str = r#"<?xml version='1.0' encoding='UTF-8'?>
<rsm:CrossIndustryInvoice xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter>
      <ram:ID>urn:factur-x.eu:1p0:basicwl</ram:ID>
    </ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>AV-2024-007</ram:ID>
    <ram:TypeCode>381</ram:TypeCode>
    <ram:IssueDateTime>
      <udt:DateTimeString format="102">20240402</udt:DateTimeString>
    </ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty>
        <ram:GlobalID schemeID="0009">73282932000074</ram:GlobalID>
        <ram:Name>Boulangerie Dupont SARL</ram:Name>
        <ram:PostalTradeAddress>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">FR44732829320</ram:ID>
        </ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:Name>Client SA</ram:Name>
        <ram:PostalTradeAddress>
          <ram:CountryID>FR</ram:CountryID>
        </ram:PostalTradeAddress>
      </ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent>
        <ram:OccurrenceDateTime>
          <udt:DateTimeString format="102">20240401</udt:DateTimeString>
        </ram:OccurrenceDateTime>
      </ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableHeaderTradeDelivery>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:TaxCurrencyCode>USD</ram:TaxCurrencyCode>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>20.00</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount>100.00</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:RateApplicablePercent>20</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>100.00</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>100.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">20.00</ram:TaxTotalAmount>
        <ram:TaxTotalAmount currencyID="USD">21.60</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>120.00</ram:GrandTotalAmount>
        <ram:DuePayableAmount>120.00</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
      <ram:InvoiceReferencedDocument>
        <ram:IssuerAssignedID>FA-2024-0042</ram:IssuerAssignedID>
        <ram:FormattedIssueDateTime>
          <qdt:DateTimeString format="102">20240315</qdt:DateTimeString>
        </ram:FormattedIssueDateTime>
      </ram:InvoiceReferencedDocument>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
"#;

    /// UBL 2.1 invoice with the same data as CII_EN16931; generated by `gen.py ubl-2.1 en16931 380`.
    const UBL_INVOICE: &str = r#"<?xml version='1.0' encoding='UTF-8'?>
<Invoice xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ccts="urn:un:unece:uncefact:documentation:2" xmlns:qdt="urn:oasis:names:specification:ubl:schema:xsd:QualifiedDatatypes-2" xmlns:udt="urn:oasis:names:specification:ubl:schema:xsd:UnqualifiedDataTypes-2" xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">
  <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ID>FA-2024-0042</cbc:ID>
  <cbc:IssueDate>2024-03-15</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cac:PostalAddress>
        <cbc:StreetName>12 rue de la Paix</cbc:StreetName>
        <cbc:CityName>Lyon</cbc:CityName>
        <cbc:PostalZone>69002</cbc:PostalZone>
        <cac:Country>
          <cbc:IdentificationCode>FR</cbc:IdentificationCode>
        </cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>FR44732829320</cbc:CompanyID>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Boulangerie Dupont SARL</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0009">73282932000074</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cac:PostalAddress>
        <cbc:CityName>Paris</cbc:CityName>
        <cbc:PostalZone>75001</cbc:PostalZone>
        <cac:Country>
          <cbc:IdentificationCode>FR</cbc:IdentificationCode>
        </cac:Country>
      </cac:PostalAddress>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Client SA</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0002">552100554</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:Delivery>
    <cbc:ActualDeliveryDate>2024-03-10</cbc:ActualDeliveryDate>
  </cac:Delivery>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>
    <cac:PayeeFinancialAccount>
      <cbc:ID>FR7630006000011234567890189</cbc:ID>
    </cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="EUR">212.90</cbc:TaxAmount>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">1000.00</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">200.00</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>20</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="EUR">234.50</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="EUR">12.90</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>5.5</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">1234.50</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">1234.50</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">1447.40</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="EUR">1447.40</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">10</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">1000.00</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Prestation</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>20</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="EUR">100.00</cbc:PriceAmount>
    </cac:Price>
  </cac:InvoiceLine>
  <cac:InvoiceLine>
    <cbc:ID>2</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">50</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">234.50</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>Pain</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>S</cbc:ID>
        <cbc:Percent>5.5</cbc:Percent>
        <cac:TaxScheme>
          <cbc:ID>VAT</cbc:ID>
        </cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price>
      <cbc:PriceAmount currencyID="EUR">4.69</cbc:PriceAmount>
    </cac:Price>
  </cac:InvoiceLine>
</Invoice>
"#;

    /// UBL 2.1 credit note, hand-written, XSD-valid (`flavor="ubl-2.1-creditnote"`), with unusual
    /// prefixes, `PartyName` only, a `LOC` tax scheme before the VAT one, an IBAN with spaces, a
    /// USD `TaxTotal` before the EUR one, and an exempt line.
    const UBL_CREDIT_NOTE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<cn:CreditNote xmlns:cn="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" xmlns:ac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:bc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <bc:CustomizationID>urn:cen.eu:en16931:2017</bc:CustomizationID>
  <bc:ID>AV 2024/12</bc:ID>
  <bc:IssueDate>2024-05-06</bc:IssueDate>
  <bc:CreditNoteTypeCode>381</bc:CreditNoteTypeCode>
  <bc:DocumentCurrencyCode>EUR</bc:DocumentCurrencyCode>
  <bc:TaxCurrencyCode>USD</bc:TaxCurrencyCode>
  <ac:AccountingSupplierParty>
    <ac:Party>
      <ac:PartyIdentification>
        <bc:ID schemeID="0009">73282932000074</bc:ID>
      </ac:PartyIdentification>
      <ac:PartyName>
        <bc:Name>Atelier Durand</bc:Name>
      </ac:PartyName>
      <ac:PartyTaxScheme>
        <bc:CompanyID>12345678901</bc:CompanyID>
        <ac:TaxScheme>
          <bc:ID>LOC</bc:ID>
        </ac:TaxScheme>
      </ac:PartyTaxScheme>
      <ac:PartyTaxScheme>
        <bc:CompanyID>FR 44 732 829 320</bc:CompanyID>
        <ac:TaxScheme>
          <bc:ID>VAT</bc:ID>
        </ac:TaxScheme>
      </ac:PartyTaxScheme>
      <ac:PartyLegalEntity>
        <bc:CompanyID schemeID="0002">732829320</bc:CompanyID>
      </ac:PartyLegalEntity>
    </ac:Party>
  </ac:AccountingSupplierParty>
  <ac:AccountingCustomerParty>
    <ac:Party>
      <ac:PartyLegalEntity>
        <bc:RegistrationName>Client SA</bc:RegistrationName>
        <bc:CompanyID schemeID="0002">552100554</bc:CompanyID>
      </ac:PartyLegalEntity>
    </ac:Party>
  </ac:AccountingCustomerParty>
  <ac:PaymentMeans>
    <bc:PaymentMeansCode>30</bc:PaymentMeansCode>
    <ac:PayeeFinancialAccount>
      <bc:ID>fr76 3000 6000 0112 3456 7890 189</bc:ID>
    </ac:PayeeFinancialAccount>
  </ac:PaymentMeans>
  <ac:TaxTotal>
    <bc:TaxAmount currencyID="USD">10.80</bc:TaxAmount>
  </ac:TaxTotal>
  <ac:TaxTotal>
    <bc:TaxAmount currencyID="EUR">10.00</bc:TaxAmount>
    <ac:TaxSubtotal>
      <bc:TaxableAmount currencyID="EUR">50.00</bc:TaxableAmount>
      <bc:TaxAmount currencyID="EUR">10.00</bc:TaxAmount>
      <ac:TaxCategory>
        <bc:ID>S</bc:ID>
        <bc:Percent>20.00</bc:Percent>
        <ac:TaxScheme>
          <bc:ID>VAT</bc:ID>
        </ac:TaxScheme>
      </ac:TaxCategory>
    </ac:TaxSubtotal>
    <ac:TaxSubtotal>
      <bc:TaxableAmount currencyID="EUR">30.00</bc:TaxableAmount>
      <bc:TaxAmount currencyID="EUR">0.00</bc:TaxAmount>
      <ac:TaxCategory>
        <bc:ID>E</bc:ID>
        <bc:Percent>0</bc:Percent>
        <bc:TaxExemptionReason>Exonération article 261 du CGI</bc:TaxExemptionReason>
        <ac:TaxScheme>
          <bc:ID>VAT</bc:ID>
        </ac:TaxScheme>
      </ac:TaxCategory>
    </ac:TaxSubtotal>
  </ac:TaxTotal>
  <ac:LegalMonetaryTotal>
    <bc:LineExtensionAmount currencyID="EUR">80.00</bc:LineExtensionAmount>
    <bc:TaxExclusiveAmount currencyID="EUR">80.00</bc:TaxExclusiveAmount>
    <bc:TaxInclusiveAmount currencyID="EUR">90.00</bc:TaxInclusiveAmount>
    <bc:PayableAmount currencyID="EUR">90.00</bc:PayableAmount>
  </ac:LegalMonetaryTotal>
  <ac:CreditNoteLine>
    <bc:ID>1</bc:ID>
    <bc:CreditedQuantity unitCode="C62">1</bc:CreditedQuantity>
    <bc:LineExtensionAmount currencyID="EUR">50.00</bc:LineExtensionAmount>
    <ac:Item>
      <bc:Name>Reprise</bc:Name>
    </ac:Item>
  </ac:CreditNoteLine>
  <ac:CreditNoteLine>
    <bc:ID>2</bc:ID>
    <bc:CreditedQuantity unitCode="C62">1</bc:CreditedQuantity>
    <bc:LineExtensionAmount currencyID="EUR">30.00</bc:LineExtensionAmount>
    <ac:Item>
      <bc:Name>Formation</bc:Name>
    </ac:Item>
  </ac:CreditNoteLine>
</cn:CreditNote>
"#;

    fn xml(value: &str) -> Option<Field<String>> {
        Some(Field::new(value.to_owned(), 1.0, Source::Xml))
    }

    fn line(rate: &str, taxable: &str, tax: &str) -> VatLine {
        VatLine { rate: rate.into(), taxable_amount: Some(taxable.into()), tax_amount: tax.into() }
    }

    fn parsed(document: &str) -> Fields {
        parse(document.as_bytes()).expect("sample parses")
    }

    fn value<T: Clone>(field: &Option<Field<T>>) -> Option<T> {
        field.as_ref().map(|field| field.value.clone())
    }

    /// What CII_EN16931 and UBL_INVOICE both say.
    fn en16931_expected() -> Fields {
        Fields {
            kind: Some(Field::new(DocumentKind::Invoice, 1.0, Source::Xml)),
            date: xml("2024-03-15"),
            invoice_number: xml("FA-2024-0042"),
            supplier_name: xml("Boulangerie Dupont SARL"),
            siren: xml("732829320"),
            siret: xml("73282932000074"),
            vat_number: xml("FR44732829320"),
            iban: xml("FR7630006000011234567890189"),
            currency: xml("EUR"),
            total_excluding_tax: xml("1234.50"),
            total_tax: xml("212.90"),
            total_including_tax: xml("1447.40"),
            vat_breakdown: Some(Field::new(
                vec![line("20", "1000.00", "200.00"), line("5.5", "234.50", "12.90")],
                1.0,
                Source::Xml,
            )),
            consistent: Some(Field::new(true, 1.0, Source::Xml)),
            totals_rule: None,
            ruled_out_dates: Vec::new(),
        }
    }

    #[test]
    fn reads_a_factur_x_en16931_invoice_with_two_rates() {
        assert_eq!(detect(CII_EN16931.as_bytes()), Some(Syntax::Cii));
        assert_eq!(parsed(CII_EN16931), en16931_expected());
    }

    #[test]
    fn every_field_is_exact_and_from_the_xml() {
        let fields = parsed(CII_EN16931);
        let provenance = [
            fields.kind.map(|f| (f.confidence, f.source)),
            fields.date.map(|f| (f.confidence, f.source)),
            fields.invoice_number.map(|f| (f.confidence, f.source)),
            fields.supplier_name.map(|f| (f.confidence, f.source)),
            fields.siren.map(|f| (f.confidence, f.source)),
            fields.siret.map(|f| (f.confidence, f.source)),
            fields.vat_number.map(|f| (f.confidence, f.source)),
            fields.iban.map(|f| (f.confidence, f.source)),
            fields.currency.map(|f| (f.confidence, f.source)),
            fields.total_excluding_tax.map(|f| (f.confidence, f.source)),
            fields.total_tax.map(|f| (f.confidence, f.source)),
            fields.total_including_tax.map(|f| (f.confidence, f.source)),
            fields.vat_breakdown.map(|f| (f.confidence, f.source)),
            fields.consistent.map(|f| (f.confidence, f.source)),
        ];
        assert!(provenance.iter().all(|p| *p == Some((1.0, Source::Xml))));
    }

    #[test]
    fn reads_a_factur_x_minimum_invoice() {
        let fields = parsed(CII_MINIMUM);
        assert_eq!(value(&fields.kind), Some(DocumentKind::Invoice));
        assert_eq!(value(&fields.date).as_deref(), Some("2024-12-31"));
        assert_eq!(value(&fields.invoice_number).as_deref(), Some("2024-118"));
        assert_eq!(value(&fields.supplier_name).as_deref(), Some("Plomberie Martin"));
        assert_eq!(value(&fields.siren).as_deref(), Some("732829320"));
        assert_eq!(fields.siret, None);
        assert_eq!(value(&fields.vat_number).as_deref(), Some("FR44732829320"));
        assert_eq!(value(&fields.currency).as_deref(), Some("EUR"));
        assert_eq!(value(&fields.total_excluding_tax).as_deref(), Some("250.00"));
        assert_eq!(value(&fields.total_tax).as_deref(), Some("50.00"));
        assert_eq!(value(&fields.total_including_tax).as_deref(), Some("300.00"));
        assert_eq!(value(&fields.consistent), Some(true));
        // MINIMUM has neither payment means nor a VAT breakdown: absent, not invented.
        assert_eq!(fields.iban, None);
        assert_eq!(fields.vat_breakdown, None);
    }

    #[test]
    fn reads_a_cii_credit_note_with_global_id_and_two_tax_currencies() {
        let fields = parsed(CII_CREDIT_NOTE);
        assert_eq!(value(&fields.kind), Some(DocumentKind::CreditNote));
        assert_eq!(value(&fields.date).as_deref(), Some("2024-04-02"));
        assert_eq!(value(&fields.invoice_number).as_deref(), Some("AV-2024-007"));
        assert_eq!(value(&fields.siret).as_deref(), Some("73282932000074"));
        assert_eq!(value(&fields.siren).as_deref(), Some("732829320"));
        assert_eq!(value(&fields.total_tax).as_deref(), Some("20.00"));
        assert_eq!(value(&fields.consistent), Some(true));
        assert_eq!(value(&fields.vat_breakdown), Some(vec![line("20", "100.00", "20.00")]));
        assert_eq!(fields.iban, None);
    }

    #[test]
    fn cii_tax_total_follows_the_invoice_currency_not_the_order() {
        let eur = r#"<ram:TaxTotalAmount currencyID="EUR">20.00</ram:TaxTotalAmount>"#;
        let usd = r#"<ram:TaxTotalAmount currencyID="USD">21.60</ram:TaxTotalAmount>"#;
        let swapped = CII_CREDIT_NOTE.replace(eur, "@").replace(usd, eur).replace('@', usd);
        assert!(swapped.find(usd) < swapped.find(eur));
        assert_eq!(value(&parsed(&swapped).total_tax).as_deref(), Some("20.00"));
    }

    #[test]
    fn cii_type_codes() {
        let with_code = |code: &str| {
            let document = CII_MINIMUM
                .replace("<ram:TypeCode>380</ram:TypeCode>", &format!("<ram:TypeCode>{code}</ram:TypeCode>"));
            value(&parsed(&document).kind)
        };
        for code in ["380", "384", "386", "389"] {
            assert_eq!(with_code(code), Some(DocumentKind::Invoice), "{code}");
        }
        assert_eq!(with_code("381"), Some(DocumentKind::CreditNote));
        assert_eq!(with_code("325"), Some(DocumentKind::Other), "a pro forma is no invoice");
        assert_eq!(with_code(""), None);
    }

    #[test]
    fn cii_skips_what_is_not_vat_or_not_a_day() {
        let va = r#"<ram:SpecifiedTaxRegistration>
          <ram:ID schemeID="VA">"#;
        let fiscal_first = CII_EN16931.replacen(
            va,
            &format!(r#"<ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">DE123456789</ram:ID></ram:SpecifiedTaxRegistration>{va}"#),
            1,
        );
        assert!(fiscal_first.contains("DE123456789"));
        assert_eq!(value(&parsed(&fiscal_first).vat_number).as_deref(), Some("FR44732829320"));

        let other_duty =
            CII_CREDIT_NOTE.replace("<ram:TypeCode>VAT</ram:TypeCode>", "<ram:TypeCode>AAA</ram:TypeCode>");
        assert_eq!(parsed(&other_duty).vat_breakdown, None);

        let month_only = CII_CREDIT_NOTE.replace(r#"format="102">20240402<"#, r#"format="610">202404<"#);
        assert_eq!(parsed(&month_only).date, None);
    }

    #[test]
    fn prefixes_do_not_matter() {
        let renamed = CII_EN16931
            .replace("rsm:", "inv:")
            .replace("xmlns:rsm=", "xmlns:inv=")
            .replace("ram:", "r:")
            .replace("xmlns:ram=", "xmlns:r=")
            .replace("udt:", "u:")
            .replace("xmlns:udt=", "xmlns:u=");
        assert!(!renamed.contains("ram:"));
        assert_eq!(detect(renamed.as_bytes()), Some(Syntax::Cii));
        assert_eq!(parsed(&renamed), en16931_expected());
    }

    #[test]
    fn default_namespaces_are_read() {
        assert!(!CII_EN16931_DEFAULT_NS.contains("ram:"));
        assert_eq!(detect(CII_EN16931_DEFAULT_NS.as_bytes()), Some(Syntax::Cii));
        assert_eq!(parsed(CII_EN16931_DEFAULT_NS), en16931_expected());
    }

    #[test]
    fn familiar_prefixes_bound_to_other_namespaces_are_not_read() {
        let ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
        let wrong = CII_EN16931.replace(ram, "urn:example:not-ram");
        let fields = parsed(&wrong);
        assert_eq!(fields.invoice_number, None);
        assert_eq!(fields.total_including_tax, None);
        let wrong_root = CII_EN16931.replace("CrossIndustryInvoice:100", "CrossIndustryInvoice:99");
        assert_eq!(detect(wrong_root.as_bytes()), None);
        assert!(matches!(parse(wrong_root.as_bytes()), Err(EInvoiceError::NotAnInvoice)));
    }

    #[test]
    fn reads_a_ubl_invoice_like_its_cii_twin() {
        assert_eq!(detect(UBL_INVOICE.as_bytes()), Some(Syntax::Ubl));
        assert_eq!(parsed(UBL_INVOICE), en16931_expected());
    }

    #[test]
    fn reads_a_ubl_credit_note() {
        assert_eq!(detect(UBL_CREDIT_NOTE.as_bytes()), Some(Syntax::Ubl));
        let expected = Fields {
            kind: Some(Field::new(DocumentKind::CreditNote, 1.0, Source::Xml)),
            date: xml("2024-05-06"),
            invoice_number: xml("AV 2024/12"),
            supplier_name: xml("Atelier Durand"),
            siren: xml("732829320"),
            siret: xml("73282932000074"),
            vat_number: xml("FR44732829320"),
            iban: xml("FR7630006000011234567890189"),
            currency: xml("EUR"),
            total_excluding_tax: xml("80.00"),
            total_tax: xml("10.00"),
            total_including_tax: xml("90.00"),
            vat_breakdown: Some(Field::new(
                vec![line("20", "50.00", "10.00"), line("0", "30.00", "0.00")],
                1.0,
                Source::Xml,
            )),
            consistent: Some(Field::new(true, 1.0, Source::Xml)),
            totals_rule: None,
            ruled_out_dates: Vec::new(),
        };
        assert_eq!(parsed(UBL_CREDIT_NOTE), expected);
    }

    #[test]
    fn ubl_vat_number_comes_from_the_vat_tax_scheme_only() {
        let local_first = UBL_CREDIT_NOTE.replace(">12345678901<", ">DE123456789<");
        assert_eq!(value(&parsed(&local_first).vat_number).as_deref(), Some("FR44732829320"));
    }

    #[test]
    fn a_breakdown_line_without_rate_is_kept_only_at_zero_tax() {
        let no_rate = CII_CREDIT_NOTE.replace("<ram:RateApplicablePercent>20</ram:RateApplicablePercent>", "");
        assert_eq!(parsed(&no_rate).vat_breakdown, None, "a tax without its rate would be a guess");
        let out_of_scope = no_rate
            .replace("<ram:CalculatedAmount>20.00<", "<ram:CalculatedAmount>0<")
            .replace("<ram:CategoryCode>S<", "<ram:CategoryCode>O<");
        assert_eq!(value(&parsed(&out_of_scope).vat_breakdown), Some(vec![line("0", "100.00", "0.00")]));
    }

    #[test]
    fn ubl_invoice_kind_comes_from_its_type_code() {
        let kind = |code: &str| {
            let document = UBL_INVOICE.replace(">380<", &format!(">{code}<"));
            value(&parsed(&document).kind)
        };
        assert_eq!(kind("389"), Some(DocumentKind::Invoice));
        assert_eq!(kind("381"), Some(DocumentKind::CreditNote));
        assert_eq!(kind("325"), Some(DocumentKind::Other));
        let without = UBL_INVOICE.replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>", "");
        assert_eq!(value(&parsed(&without).kind), Some(DocumentKind::Invoice));
    }

    #[test]
    fn ubl_dates_may_carry_a_time_zone() {
        let date = |raw: &str| {
            let document = UBL_INVOICE.replace(">2024-03-15<", &format!(">{raw}<"));
            value(&parsed(&document).date)
        };
        assert_eq!(date("2024-03-15+01:00").as_deref(), Some("2024-03-15"));
        assert_eq!(date("2024-03-15Z").as_deref(), Some("2024-03-15"));
        assert_eq!(date("2024-02-30"), None);
        assert_eq!(date("15/03/2024"), None);
    }

    #[test]
    fn values_that_fail_their_checks_stay_absent() {
        let broken = CII_EN16931
            .replace(">20240315<", ">20240231<")
            .replace(">73282932000074<", ">73282932000075<")
            .replace("FR44732829320", "FR45732829320")
            .replace("FR7630006000011234567890189", "FR7630006000011234567890188")
            .replace("<ram:GrandTotalAmount>1447.40", "<ram:GrandTotalAmount>1 447,40");
        let fields = parsed(&broken);
        assert_eq!(fields.date, None);
        assert_eq!(fields.siren, None);
        assert_eq!(fields.siret, None);
        assert_eq!(fields.vat_number, None);
        assert_eq!(fields.iban, None);
        assert_eq!(fields.total_including_tax, None);
        assert_eq!(fields.consistent, None, "cannot be checked without the total");
        assert_eq!(value(&fields.invoice_number).as_deref(), Some("FA-2024-0042"));
    }

    #[test]
    fn identifiers_outside_the_french_schemes_are_ignored() {
        let other_scheme = CII_EN16931.replace(r#"schemeID="0009""#, r#"schemeID="0088""#);
        let fields = parsed(&other_scheme);
        assert_eq!(fields.siren, None);
        assert_eq!(fields.siret, None);
    }

    #[test]
    fn la_poste_sirets_follow_the_insee_exception() {
        assert!(valid_siret("35600000000048"));
        assert!(valid_siret("35600000049837"));
        assert!(!valid_siret("35600000049838"));
    }

    #[test]
    fn inconsistent_totals_are_flagged() {
        let off = CII_EN16931.replace("<ram:GrandTotalAmount>1447.40", "<ram:GrandTotalAmount>1447.41");
        assert_eq!(value(&parsed(&off).consistent), Some(false));
    }

    #[test]
    fn detects_only_cii_and_ubl_invoices() {
        assert_eq!(detect(b"<html><body>Facture</body></html>"), None);
        assert_eq!(detect(b"<Invoice><ID>1</ID></Invoice>"), None, "UBL name without its namespace");
        let zugferd_1 = r#"<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"/>"#;
        assert_eq!(detect(zugferd_1.as_bytes()), None);
        let order_x = r#"<rsm:SCRDMCCBDACIOMessageStructure xmlns:rsm="urn:un:unece:uncefact:data:SCRDMCCBDACIOMessageStructure:100"/>"#;
        assert_eq!(detect(order_x.as_bytes()), None);
        assert_eq!(detect(b"%PDF-1.7\n\x00\xff garbage"), None);
        assert_eq!(detect(b""), None);
        assert_eq!(detect(b"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">"), None);
        let empty_credit_note = br#"<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/>"#;
        assert_eq!(detect(empty_credit_note), Some(Syntax::Ubl));
    }

    #[test]
    fn malformed_xml_is_an_error() {
        let truncated = &CII_EN16931[..CII_EN16931.len() / 2];
        assert!(matches!(parse(truncated.as_bytes()), Err(EInvoiceError::Xml(_))));
        assert!(matches!(parse(b"\xff\xfe\x00"), Err(EInvoiceError::Xml(_))));
        assert!(matches!(parse(b"not xml at all"), Err(EInvoiceError::Xml(_))));
        assert!(matches!(parse(b"<html/>"), Err(EInvoiceError::NotAnInvoice)));
    }

    #[test]
    fn dtds_are_refused() {
        let billion_laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:ID>&lol3;</cbc:ID></Invoice>"#;
        assert!(matches!(parse(billion_laughs.as_bytes()), Err(EInvoiceError::Xml(_))));
        assert_eq!(detect(billion_laughs.as_bytes()), None);
        let external = r#"<?xml version="1.0"?>
<!DOCTYPE x [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:ID>&secret;</cbc:ID></Invoice>"#;
        assert!(matches!(parse(external.as_bytes()), Err(EInvoiceError::Xml(_))));
    }

    #[test]
    fn byte_order_marks_are_understood() {
        let mut utf8 = b"\xEF\xBB\xBF".to_vec();
        utf8.extend_from_slice(UBL_INVOICE.as_bytes());
        assert_eq!(parse(&utf8).unwrap(), en16931_expected());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(UBL_INVOICE.replace("UTF-8", "UTF-16").encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(detect(&utf16), Some(Syntax::Ubl));
        assert_eq!(parse(&utf16).unwrap(), en16931_expected());
    }

    #[test]
    fn comments_and_cdata_inside_values_are_joined() {
        let split = CII_EN16931.replace(">FA-2024-0042<", "><![CDATA[FA-2024]]><!-- x -->-0042<");
        assert_eq!(value(&parsed(&split).invoice_number).as_deref(), Some("FA-2024-0042"));
    }

    #[test]
    fn embedded_names() {
        assert!(is_embedded_invoice_name("factur-x.xml"));
        assert!(is_embedded_invoice_name("Factur-X.XML"));
        assert!(is_embedded_invoice_name("zugferd-invoice.xml"));
        assert!(is_embedded_invoice_name("ZUGFeRD-invoice.xml"));
        assert!(is_embedded_invoice_name("xrechnung.xml"));
        assert!(!is_embedded_invoice_name("order-x.xml"));
        assert!(!is_embedded_invoice_name("invoice.xml"));
        assert!(EMBEDDED_NAMES.iter().all(|name| is_embedded_invoice_name(name)));
    }

    #[test]
    fn iban_and_vat_checks() {
        assert_eq!(iban("fr76 3000 6000 0112 3456 7890 189").as_deref(), Some("FR7630006000011234567890189"));
        assert_eq!(iban("DE89 3704 0044 0532 0130 00").as_deref(), Some("DE89370400440532013000"));
        assert_eq!(iban("123456789"), None);
        assert_eq!(vat_number("DE123456789").as_deref(), Some("DE123456789"));
        assert_eq!(vat_number("FR 44 732 829 320").as_deref(), Some("FR44732829320"));
        assert_eq!(vat_number("FR4473282932"), None);
        assert_eq!(vat_number("12345678901"), None);
    }
}
