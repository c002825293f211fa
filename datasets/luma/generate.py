#!/usr/bin/env python3
"""Writes the Luma demo datasets (schema.json + records.ndjson per folder).

Run from this folder: python3 generate.py. The output is deterministic; the README lists the
expected facts the tests and exercises rely on.
"""
import json, os

T = "_experienceplatform"
ECID1 = "41235678290417653820014579632018456701"  # persona, web before registration
ECID2 = "41235678290417653820014579632018456702"  # persona, mobile app
ECID3 = "41235678290417653820014579632018456703"  # persona, web later visit

PERSONA = dict(first="Lucas", last="Moreau", gender="male", birth="1990-04-12",
               email="lucas.moreau@example.com", phone="+32473622044", crm="1478212",
               loyalty="5415776")

# Background people: (first, last, gender, email, phone, crm, loyalty, ecid, level, points)
PEOPLE = [
    ("Maria", "Santos", "female", "maria.santos@example.com", "+32470000101", "1478213", "5415777",
     "52000000000000000000000000000000000001", "Gold", 2400),
    ("John", "Carter", "male", "john.carter@example.com", "+32470000102", "1478214", None,
     "52000000000000000000000000000000000002", None, None),
    ("Sophie", "Dubois", "female", "sophie.dubois@example.com", "+32470000103", "1478215", "5415779",
     "52000000000000000000000000000000000003", "Bronze", 150),
    ("Omar", "Haddad", "male", "omar.haddad@example.com", "+32470000104", "1478216", "5415780",
     "52000000000000000000000000000000000004", "Silver", 800),
    ("Emma", "Jansen", "female", "emma.jansen@example.com", None, "1478217", None, None, None, None),
    ("Noah", "Becker", "male", "noah.becker@example.com", "+32470000106", None, None,
     "52000000000000000000000000000000000006", None, None),
]
ANONYMOUS_ECID = "52000000000000000000000000000000000099"

def write(folder, schema, records):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "schema.json"), "w") as f:
        json.dump(schema, f, indent=2)
        f.write("\n")
    with open(os.path.join(folder, "records.ndjson"), "w") as f:
        for r in records:
            f.write(json.dumps(r, separators=(",", ":"), ensure_ascii=False) + "\n")

def event(n, ts, etype, ecid, channel="web", page=None, product=None, email=None):
    e = {"_id": f"evt-{n:04d}", "timestamp": ts, "eventType": etype,
         "identityMap": {"ECID": [{"id": ecid, "authenticatedState": "ambiguous", "primary": True}]},
         T: {"identification": {"core": {"ecid": ecid}},
             "interactionDetails": {"core": {"channel": channel}},
             "demoEnvironment": {"brandName": "Luma"}}}
    if email:
        e["identityMap"]["Email"] = [{"id": email, "authenticatedState": "authenticated"}]
        e[T]["identification"]["core"]["email"] = email
    if page:
        e["web"] = {"webPageDetails": {"name": page, "URL": f"https://luma.example.com/{page.lower()}",
                                       "pageViews": {"value": 1}}}
    if product:
        sku = "LM-" + "".join(w[0] for w in product.split() if w[0].isalpha()).upper()
        e["commerce"] = {"productViews": {"value": 1}}
        e["productListItems"] = [{"SKU": sku, "name": product, "quantity": 1, "priceTotal": 99.0,
                                  "currencyCode": "EUR"}]
    return e

events, n = [], 0
def add(*args, **kw):
    global n
    n += 1
    events.append(event(n, *args, **kw))

# The persona's journey (module 3, exercise 1).
add("2024-05-01T09:00:00Z", "web.webpagedetails.pageViews", ECID1, page="Home")
add("2024-05-01T09:01:00Z", "commerce.productViews", ECID1, product="Montana Wind Jacket")
add("2024-05-01T09:03:00Z", "commerce.productViews", ECID1, product="Nadia Elements Shell")
add("2024-05-01T09:05:00Z", "web.login", ECID1, email=PERSONA["email"])
add("2024-05-01T12:00:00Z", "application.login", ECID2, channel="mobile", email=PERSONA["email"])
add("2024-05-01T12:02:00Z", "commerce.productViews", ECID2, channel="mobile", product="Cassia Funnel Sweatshirt")
add("2024-05-03T18:00:00Z", "web.login", ECID3, email=PERSONA["email"])
add("2024-05-03T18:01:00Z", "web.webpagedetails.pageViews", ECID3, page="Men")
# Background visits.
views = {"Maria": "Proteus Fitness Jackshirt (Orange)", "John": "Cassia Funnel Sweatshirt",
         "Sophie": "Montana Wind Jacket", "Omar": "Montana Wind Jacket", "Noah": "Nadia Elements Shell"}
for i, (first, last, gender, email, phone, crm, loyalty, ecid, level, points) in enumerate(PEOPLE):
    if not ecid:
        continue
    day = f"2024-05-0{2 + i % 6}"
    add(f"{day}T10:00:00Z", "web.webpagedetails.pageViews", ecid, page="Home")
    add(f"{day}T10:02:00Z", "commerce.productViews", ecid, product=views[first])
add("2024-05-04T08:00:00Z", "commerce.productViews", ANONYMOUS_ECID, product="Montana Wind Jacket")

write("01-website-events", {
    "name": "Demo System - Event Dataset for Website (Global v1.1)", "class": "experienceevent",
    "description": "Web and app experience events (page views, product views, logins).",
    "identities": [{"path": f"{T}.identification.core.ecid", "namespace": "ECID", "primary": True}]},
    events)

def profile_core(first, last, email):
    return {"person": {"name": {"firstName": first, "lastName": last}},
            "personalEmail": {"address": email}}

reg = []
def registration(first, last, email, phone, ecid, city):
    r = profile_core(first, last, email)
    r["_id"] = f"reg-{len(reg) + 1:03d}"
    core = {"email": email}
    if ecid: core["ecid"] = ecid
    if phone:
        core["phoneNumber"] = phone
        r["mobilePhone"] = {"number": phone}
    r["homeAddress"] = {"city": city, "country": "Belgium"}
    r[T] = {"identification": {"core": core}}
    reg.append(r)

registration(PERSONA["first"], PERSONA["last"], PERSONA["email"], PERSONA["phone"], ECID1, "Brussels")
for first, last, gender, email, phone, crm, loyalty, ecid, level, points in PEOPLE:
    if ecid:
        registration(first, last, email, phone, ecid, "Ghent")
write("02-website-registrations", {
    "name": "Demo System - Profile Dataset for Website (Global v1.1)", "class": "profile",
    "description": "Registrations on the Luma website: name, email (primary), phone and the browser's ECID.",
    "identities": [
        {"path": f"{T}.identification.core.email", "namespace": "Email", "primary": True},
        {"path": f"{T}.identification.core.ecid", "namespace": "ECID"},
        {"path": f"{T}.identification.core.phoneNumber", "namespace": "Phone"}]}, reg)

crm = []
def crm_row(first, last, gender, birth, email, crmid, city):
    r = profile_core(first, last, email)
    r["_id"] = f"crm-{crmid}"
    r["person"]["gender"] = gender
    r["person"]["birthDate"] = birth
    r["homeAddress"] = {"street1": "Rue de la Loi 1" if crmid == PERSONA["crm"] else "Main Street 5",
                        "city": city, "country": "Belgium", "countryCode": "BE"}
    r[T] = {"identification": {"core": {"crmId": crmid, "email": email}}}
    crm.append(r)

crm_row(PERSONA["first"], PERSONA["last"], PERSONA["gender"], PERSONA["birth"], PERSONA["email"],
        PERSONA["crm"], "Antwerp")
for i, (first, last, gender, email, phone, crmid, loyalty, ecid, level, points) in enumerate(PEOPLE):
    if crmid:
        crm_row(first, last, gender, f"198{i}-0{i + 1}-1{i}", email, crmid, "Leuven")
write("03-crm", {
    "name": "Demo System - Profile Dataset for CRM (Global v1.1)", "class": "profile",
    "description": "CRM customers: gender, birth date, address; primary identity crmId.",
    "identities": [
        {"path": f"{T}.identification.core.crmId", "namespace": "CRMID", "primary": True},
        {"path": f"{T}.identification.core.email", "namespace": "Email"}]}, crm)

loyal = []
def loyalty_row(email, loyaltyid, level, points):
    loyal.append({"_id": f"loy-{loyaltyid}",
                  T: {"identification": {"core": {"loyaltyId": loyaltyid, "email": email}},
                      "loyaltyDetails": {"level": level, "points": points}}})

loyalty_row(PERSONA["email"], PERSONA["loyalty"], "Gold", 1200)
for first, last, gender, email, phone, crmid, loyalty, ecid, level, points in PEOPLE:
    if loyalty:
        loyalty_row(email, loyalty, level, points)
write("04-loyalty", {
    "name": "Demo System - Profile Dataset for Loyalty (Global v1.1)", "class": "profile",
    "description": "Loyalty members: level and points; primary identity loyaltyId.",
    "identities": [
        {"path": f"{T}.identification.core.loyaltyId", "namespace": "loyaltyId", "primary": True},
        {"path": f"{T}.identification.core.email", "namespace": "Email"}]}, loyal)
