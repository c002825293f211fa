/// Invented first names, last names, streets and cities of the demo data (all `@example.com`).
enum LumaNames {
  static let female = [
    "Emma", "Olivia", "Louise", "Marie", "Sophie", "Julie", "Laura", "Sarah", "Lotte", "Elise",
    "Noor", "Lina", "Amélie", "Chloé", "Camille", "Anna", "Eva", "Lena", "Hanna", "Mila",
    "Nina", "Sara", "Zoë", "Fleur", "Ines", "Lucie", "Manon", "Clara", "Alice", "Charlotte",
    "Maria", "Ana", "Isabel", "Fatima", "Yasmine", "Aisha", "Grace", "Ella", "Amelia", "Freya",
    "Hannah", "Emily", "Mia", "Sofia", "Giulia", "Chiara", "Elena", "Paula", "Marta", "Leonie",
  ]
  static let male = [
    "Lucas", "Noah", "Liam", "Louis", "Arthur", "Jules", "Adam", "Victor", "Finn", "Mathis",
    "Thomas", "Maxime", "Hugo", "Léon", "Nathan", "Gabriel", "Milan", "Lars", "Daan", "Sem",
    "Jan", "Pieter", "Tom", "Ben", "Paul", "Felix", "Jonas", "Elias", "Omar", "Youssef",
    "Karim", "Samir", "John", "James", "Oliver", "Jack", "Harry", "George", "Marco", "Luca",
    "Matteo", "Diego", "Pablo", "Carlos", "Miguel", "Jakub", "Tomas", "Erik", "Sven", "Anton",
  ]
  static let last = [
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leroy",
    "Moreau", "Fontaine", "Bernard", "De Jong", "Jansen", "De Vries", "Van den Berg", "Bakker",
    "Visser", "Smit", "Meijer", "Mulder", "Bos", "Müller", "Schmidt", "Schneider", "Fischer",
    "Weber", "Becker", "Wagner", "Hoffmann", "Koch", "Richter", "Smith", "Jones", "Taylor",
    "Brown", "Wilson", "Evans", "Rossi", "Russo", "Ferrari", "Bianchi", "Santos", "Silva",
    "Costa", "Haddad", "El Amrani", "Benali", "Nowak", "Kowalski", "Novak", "Andersen",
  ]
  static let streets = [
    "Rue Royale", "Kerkstraat", "Stationsstraat", "Dorpsstraat", "Rue de la Station",
    "Molenstraat", "Schoolstraat", "Hoogstraat", "Avenue Louise", "Nieuwstraat", "Marktplein",
    "Lindenlaan", "Rue du Moulin", "Bahnhofstraße", "High Street", "Via Roma",
  ]
  /// City, country, country code and the first digits of its postal codes.
  static let cities: [(city: String, country: String, code: String, postal: String)] = [
    ("Brussels", "Belgium", "BE", "10"), ("Antwerp", "Belgium", "BE", "20"),
    ("Ghent", "Belgium", "BE", "90"), ("Leuven", "Belgium", "BE", "30"),
    ("Liège", "Belgium", "BE", "40"), ("Bruges", "Belgium", "BE", "80"),
    ("Namur", "Belgium", "BE", "50"), ("Mechelen", "Belgium", "BE", "28"),
    ("Amsterdam", "Netherlands", "NL", "10"), ("Rotterdam", "Netherlands", "NL", "30"),
    ("Utrecht", "Netherlands", "NL", "35"), ("Paris", "France", "FR", "75"),
    ("Lyon", "France", "FR", "69"), ("Lille", "France", "FR", "59"),
    ("Cologne", "Germany", "DE", "50"), ("Berlin", "Germany", "DE", "10"),
    ("London", "United Kingdom", "GB", "EC"), ("Manchester", "United Kingdom", "GB", "M1"),
  ]
}
