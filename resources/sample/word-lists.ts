/** Small built-in word lists for the sample store, with some non-ASCII names on purpose. */

export const FIRST_NAMES = [
  'Zoë', 'Liam', 'Olivia', 'Noah', 'Emma', 'Ava', 'Lucas', 'Mia', 'Mateo', 'Sofia', 'Hugo', 'Chloé', 'Léa', 'Jules', 'Björn',
  'Søren', 'Ingrid', 'Astrid', 'Łukasz', 'Zofia', 'José', 'María', 'Lucía', 'João', 'Inês', 'Yuki', 'Haruto', 'Aiko', 'Wei',
  'Mei', 'Arjun', 'Priya', 'Fatima', 'Omar', 'Amara', 'Kwame', 'Chiara', 'Giulia', 'Lorenzo', 'Anja', 'Jürgen', 'Renée',
  'Siobhán', 'Niamh', 'Ewan', 'Freya', 'Emil', 'Ana', 'Dmitri', 'Olga', 'Ayşe', 'Mehmet', 'Nguyễn', 'Thabo', 'Camille',
  'Daniel', 'Sarah', 'Michael', 'Laura', 'David',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Smith', 'Johnson', 'García', 'Martínez', 'Silva', 'Santos', 'Rossi', 'Bianchi', 'Dubois', 'Lefèvre',
  'Nowak', 'Kowalski', 'Jensen', 'Nielsen', 'Andersson', 'Johansson', 'Tanaka', 'Suzuki', 'Sato', 'Wang', 'Li', 'Chen',
  'Kim', 'Park', 'Patel', 'Sharma', 'Okafor', 'Mensah', "O'Brien", 'Murphy', 'Fischer', 'Weber', 'Novák', 'Horváth',
  'Yılmaz', 'Kaya', 'Ivanova', 'Petrov', 'Brown', 'Taylor', 'Wilson', 'Nguyen', 'Tran', 'Cohen', 'Levi', 'van Dijk',
  'de Vries', 'Ólafsson',
] as const;

/** Countries with a few of their cities; weights make some markets larger than others. */
export const PLACES: readonly { country: string; cities: readonly string[]; weight: number }[] = [
  { country: 'United States', cities: ['New York', 'San Francisco', 'Chicago', 'Austin', 'Seattle', 'Boston'], weight: 20 },
  { country: 'Germany', cities: ['Berlin', 'München', 'Hamburg', 'Köln', 'Düsseldorf'], weight: 12 },
  { country: 'United Kingdom', cities: ['London', 'Manchester', 'Edinburgh', 'Bristol'], weight: 10 },
  { country: 'France', cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse'], weight: 8 },
  { country: 'Japan', cities: ['東京', '大阪', '京都', '札幌'], weight: 8 },
  { country: 'Brazil', cities: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba'], weight: 6 },
  { country: 'Spain', cities: ['Madrid', 'Barcelona', 'Sevilla', 'València'], weight: 5 },
  { country: 'Italy', cities: ['Roma', 'Milano', 'Torino', 'Napoli'], weight: 5 },
  { country: 'Poland', cities: ['Warszawa', 'Kraków', 'Łódź', 'Gdańsk'], weight: 4 },
  { country: 'Sweden', cities: ['Stockholm', 'Göteborg', 'Malmö'], weight: 3 },
  { country: 'Switzerland', cities: ['Zürich', 'Genève', 'Basel'], weight: 3 },
  { country: 'Canada', cities: ['Toronto', 'Montréal', 'Vancouver'], weight: 5 },
  { country: 'India', cities: ['Mumbai', 'Bengaluru', 'Delhi', 'Chennai'], weight: 4 },
  { country: 'Iceland', cities: ['Reykjavík', 'Akureyri'], weight: 1 },
  { country: 'Türkiye', cities: ['İstanbul', 'Ankara', 'İzmir'], weight: 2 },
  { country: 'South Korea', cities: ['서울', '부산'], weight: 2 },
  { country: 'Nigeria', cities: ['Lagos', 'Abuja'], weight: 2 },
];

export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com'] as const;

export const CATEGORIES: readonly { name: string; code: string; nouns: readonly string[]; priceRange: readonly [number, number] }[] = [
  { name: 'Kitchen', code: 'KIT', nouns: ['Chef Knife', 'Cutting Board', 'Saucepan', 'Espresso Cup', 'Mixing Bowl', 'Teapot', 'Skillet'], priceRange: [6, 180] },
  { name: 'Garden', code: 'GAR', nouns: ['Watering Can', 'Pruning Shears', 'Planter', 'Hose Reel', 'Seed Tray', 'Trowel'], priceRange: [4, 120] },
  { name: 'Books', code: 'BOK', nouns: ['Cookbook', 'Novel', 'Field Guide', 'Atlas', 'Notebook', 'Sketchbook'], priceRange: [8, 60] },
  { name: 'Electronics', code: 'ELC', nouns: ['Headphones', 'Charger', 'Keyboard', 'Speaker', 'Webcam', 'USB Hub', 'Desk Lamp'], priceRange: [12, 450] },
  { name: 'Toys', code: 'TOY', nouns: ['Puzzle', 'Building Set', 'Plush Fox', 'Kite', 'Board Game', 'Yo-yo'], priceRange: [5, 90] },
  { name: 'Sports', code: 'SPT', nouns: ['Yoga Mat', 'Water Bottle', 'Running Cap', 'Jump Rope', 'Tennis Balls', 'Backpack'], priceRange: [7, 160] },
  { name: 'Clothing', code: 'CLO', nouns: ['Scarf', 'Rain Jacket', 'Wool Socks', 'T-shirt', 'Beanie', 'Gloves'], priceRange: [9, 220] },
  { name: 'Office', code: 'OFF', nouns: ['Fountain Pen', 'Desk Organizer', 'Stapler', 'Planner', 'Monitor Stand', 'Pencil Case'], priceRange: [3, 140] },
];

export const ADJECTIVES = [
  'Classic', 'Compact', 'Deluxe', 'Everyday', 'Handmade', 'Lightweight', 'Nordic', 'Organic', 'Premium', 'Recycled', 'Rustic',
  'Smart', 'Sturdy', 'Travel', 'Vintage', 'Café', 'Crème', 'Zen',
] as const;

export const MATERIALS = ['Bamboo', 'Cotton', 'Steel', 'Oak', 'Ceramic', 'Linen', 'Copper', 'Walnut', 'Glass', 'Wool'] as const;

export const REVIEW_PHRASES: Record<number, readonly string[]> = {
  1: ['Broke after two days.', 'Not as described.', 'Would not buy again.', 'Arrived damaged, très décevant.'],
  2: ['Does the job, barely.', 'Quality could be better.', 'Too small for my needs.'],
  3: ['It is fine.', 'Average, nothing special.', 'Good value, slow delivery.'],
  4: ['Very good, would recommend.', 'Solid and well made.', 'Nice design — works great.'],
  5: ['Absolutely love it!', 'Perfect, exactly what I wanted.', 'Excellent quality ★★★★★', 'Sehr gut! Schnelle Lieferung.', '最高です。'],
};
