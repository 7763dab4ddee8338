/**
 * Tables for {@link ../place-zone.ts}: which IANA time zone a carrier's place string belongs to.
 *
 * Source: our own compilation from the IANA tz database's knowledge (zone1970.tab / zone.tab: which
 * zones a country has and which region each covers, and the zones' current rules), ISO 3166-1/-2 codes,
 * USPS state and ZIP-prefix assignments, Canada Post and Australia Post postcode ranges. Nothing is
 * copied from those files; names are the short English ones plus the German, French and local ones
 * carriers print. Every zone here is checked against `Intl` by tests/unit/model/place-zone.test.ts.
 *
 * Conventions:
 * - A country is "single-zone" when one zone covers it, or when its other zones have had the same rules
 *   for decades (DE/Busingen, MY/Kuching, AR's provinces, UZ/Samarkand, CY/Famagusta but for 2016–17),
 *   or cover remote islands with under ~5% of its people: ES (Canaries: by postcode 35/38 or city),
 *   PT (Azores/Madeira: by postcode 9xxx or city), NZ (Chatham), EC (Galápagos), CL (Easter Island,
 *   Magallanes), PF (Marquesas, Gambier), PG (Bougainville), GL (Pituffik, Ittoqqortoormiit). CN is
 *   Asia/Shanghai throughout (Beijing time is the official and postal time; tz's Asia/Urumqi is the
 *   unofficial Xinjiang time). UA is Europe/Kyiv. Multi-zone countries have `null` and resolve only
 *   with a region (US, CA, AU, MX, BR, ID and RU here) or a known city.
 * - A region (state, province) split between zones takes the zone of its most populous part; the
 *   places that differ are then recognised, where the address has them, by postcode (US ZIP prefix and
 *   ZIP, Canadian FSA, Australian postcode) — see the SPLIT tables. A region split close to evenly has
 *   `null` (Tamaulipas).
 * - Zones that differ only before 2007 (Indiana's, Kentucky's, North Dakota's and Mexico's sub-zones) are
 *   not told apart: events are recent.
 */

/** `[ISO 3166-1 alpha-2, zone or null for multi-zone, names separated by '|']`. */
export type CountryRow = readonly [code: string, zone: string | null, names: string];

export const COUNTRIES: readonly CountryRow[] = [
  ['AD', 'Europe/Andorra', 'Andorra|Andorre'],
  ['AE', 'Asia/Dubai', 'United Arab Emirates|UAE|U.A.E.|Vereinigte Arabische Emirate|Emirats arabes unis|Emirates'],
  ['AF', 'Asia/Kabul', 'Afghanistan'],
  ['AG', 'America/Antigua', 'Antigua and Barbuda|Antigua & Barbuda|Antigua'],
  ['AI', 'America/Anguilla', 'Anguilla'],
  ['AL', 'Europe/Tirane', 'Albania|Albanien|Albanie'],
  ['AM', 'Asia/Yerevan', 'Armenia|Armenien|Arménie'],
  ['AO', 'Africa/Luanda', 'Angola'],
  ['AQ', null, 'Antarctica|Antarktis|Antarctique'],
  ['AR', 'America/Argentina/Buenos_Aires', 'Argentina|Argentinien|Argentine'],
  ['AS', 'Pacific/Pago_Pago', 'American Samoa|Amerikanisch-Samoa|Samoa américaines'],
  ['AT', 'Europe/Vienna', 'Austria|Österreich|Autriche|AUT'],
  ['AU', null, 'Australia|Australien|Australie|AUS'],
  ['AW', 'America/Aruba', 'Aruba'],
  ['AX', 'Europe/Mariehamn', 'Aland Islands|Åland|Aland'],
  ['AZ', 'Asia/Baku', 'Azerbaijan|Aserbaidschan|Azerbaïdjan'],
  ['BA', 'Europe/Sarajevo', 'Bosnia and Herzegovina|Bosnia & Herzegovina|Bosnia|Bosnien und Herzegowina|Bosnie-Herzégovine'],
  ['BB', 'America/Barbados', 'Barbados|Barbade'],
  ['BD', 'Asia/Dhaka', 'Bangladesh|Bangladesch'],
  ['BE', 'Europe/Brussels', 'Belgium|Belgien|Belgique|België|Belgie|BEL'],
  ['BF', 'Africa/Ouagadougou', 'Burkina Faso'],
  ['BG', 'Europe/Sofia', 'Bulgaria|Bulgarien|Bulgarie'],
  ['BH', 'Asia/Bahrain', 'Bahrain|Bahreïn'],
  ['BI', 'Africa/Bujumbura', 'Burundi'],
  ['BJ', 'Africa/Porto-Novo', 'Benin|Bénin'],
  ['BL', 'America/St_Barthelemy', 'Saint Barthelemy|Saint-Barthélemy|St Barts'],
  ['BM', 'Atlantic/Bermuda', 'Bermuda|Bermudes'],
  ['BN', 'Asia/Brunei', 'Brunei|Brunei Darussalam'],
  ['BO', 'America/La_Paz', 'Bolivia|Bolivien|Bolivie|Plurinational State of Bolivia'],
  ['BQ', 'America/Kralendijk', 'Bonaire|Caribbean Netherlands|Bonaire, Sint Eustatius and Saba'],
  ['BR', null, 'Brazil|Brasil|Brasilien|Brésil|BRA'],
  ['BS', 'America/Nassau', 'Bahamas|The Bahamas'],
  ['BT', 'Asia/Thimphu', 'Bhutan|Bhoutan'],
  ['BV', null, 'Bouvet Island'], // uninhabited, no zone
  ['BW', 'Africa/Gaborone', 'Botswana'],
  ['BY', 'Europe/Minsk', 'Belarus|Weißrussland|Biélorussie'],
  ['BZ', 'America/Belize', 'Belize'],
  ['CA', null, 'Canada|Kanada|CAN'],
  ['CC', 'Indian/Cocos', 'Cocos Islands|Cocos (Keeling) Islands'],
  ['CD', null, 'Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa|Congo, The Democratic Republic of the'],
  ['CF', 'Africa/Bangui', 'Central African Republic|Zentralafrikanische Republik|République centrafricaine'],
  ['CG', 'Africa/Brazzaville', 'Republic of the Congo|Congo-Brazzaville'],
  ['CH', 'Europe/Zurich', 'Switzerland|Schweiz|Suisse|Svizzera|CHE'],
  ['CI', 'Africa/Abidjan', "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire|Elfenbeinküste"],
  ['CK', 'Pacific/Rarotonga', 'Cook Islands'],
  ['CL', 'America/Santiago', 'Chile|Chili'],
  ['CM', 'Africa/Douala', 'Cameroon|Kamerun|Cameroun'],
  ['CN', 'Asia/Shanghai', "China|People's Republic of China|PR China|P.R. China|P.R.China|Volksrepublik China|Chine|Mainland China|CHN|中国"],
  ['CO', 'America/Bogota', 'Colombia|Kolumbien|Colombie'],
  ['CR', 'America/Costa_Rica', 'Costa Rica'],
  ['CU', 'America/Havana', 'Cuba|Kuba'],
  ['CV', 'Atlantic/Cape_Verde', 'Cape Verde|Cabo Verde|Kap Verde|Cap-Vert'],
  ['CW', 'America/Curacao', 'Curacao|Curaçao'],
  ['CX', 'Indian/Christmas', 'Christmas Island'],
  ['CY', 'Asia/Nicosia', 'Cyprus|Zypern|Chypre'],
  ['CZ', 'Europe/Prague', 'Czechia|Czech Republic|Tschechien|Tschechische Republik|République tchèque|Tchéquie|Česko|CZE'],
  ['DE', 'Europe/Berlin', 'Germany|Deutschland|Allemagne|Federal Republic of Germany|Bundesrepublik Deutschland|Germania|Alemania|DEU'],
  ['DJ', 'Africa/Djibouti', 'Djibouti|Dschibuti'],
  ['DK', 'Europe/Copenhagen', 'Denmark|Dänemark|Danemark|Danmark|DNK'],
  ['DM', 'America/Dominica', 'Dominica'],
  ['DO', 'America/Santo_Domingo', 'Dominican Republic|Dominikanische Republik|République dominicaine'],
  ['DZ', 'Africa/Algiers', 'Algeria|Algerien|Algérie'],
  ['EC', 'America/Guayaquil', 'Ecuador|Équateur'],
  ['EE', 'Europe/Tallinn', 'Estonia|Estland|Estonie'],
  ['EG', 'Africa/Cairo', 'Egypt|Ägypten|Égypte'],
  ['EH', 'Africa/El_Aaiun', 'Western Sahara|Westsahara'],
  ['ER', 'Africa/Asmara', 'Eritrea|Érythrée'],
  ['ES', 'Europe/Madrid', 'Spain|Spanien|Espagne|España|Espana|Spagna|ESP'],
  ['ET', 'Africa/Addis_Ababa', 'Ethiopia|Äthiopien|Éthiopie'],
  ['FI', 'Europe/Helsinki', 'Finland|Finnland|Finlande|Suomi|FIN'],
  ['FJ', 'Pacific/Fiji', 'Fiji|Fidschi|Fidji'],
  ['FK', 'Atlantic/Stanley', 'Falkland Islands|Falklands'],
  ['FM', null, 'Micronesia|Federated States of Micronesia'],
  ['FO', 'Atlantic/Faroe', 'Faroe Islands|Färöer|Îles Féroé'],
  ['FR', 'Europe/Paris', 'France|Frankreich|Francia|République française|FRA'],
  ['GA', 'Africa/Libreville', 'Gabon|Gabun'],
  ['GB', 'Europe/London', 'United Kingdom|UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|Vereinigtes Königreich|Großbritannien|Royaume-Uni|Grande-Bretagne|Angleterre|Écosse|GBR'],
  ['GD', 'America/Grenada', 'Grenada'],
  ['GE', 'Asia/Tbilisi', 'Georgia|Georgien|Géorgie|Sakartvelo'],
  ['GF', 'America/Cayenne', 'French Guiana|Französisch-Guayana|Guyane|Guyane française'],
  ['GG', 'Europe/Guernsey', 'Guernsey'],
  ['GH', 'Africa/Accra', 'Ghana'],
  ['GI', 'Europe/Gibraltar', 'Gibraltar'],
  ['GL', 'America/Nuuk', 'Greenland|Grönland|Groenland|Kalaallit Nunaat'],
  ['GM', 'Africa/Banjul', 'Gambia|The Gambia|Gambie'],
  ['GN', 'Africa/Conakry', 'Guinea|Guinée'],
  ['GP', 'America/Guadeloupe', 'Guadeloupe'],
  ['GQ', 'Africa/Malabo', 'Equatorial Guinea|Äquatorialguinea|Guinée équatoriale'],
  ['GR', 'Europe/Athens', 'Greece|Griechenland|Grèce|Hellas|Ellada|GRC'],
  ['GS', 'Atlantic/South_Georgia', 'South Georgia and the South Sandwich Islands|South Georgia'],
  ['GT', 'America/Guatemala', 'Guatemala'],
  ['GU', 'Pacific/Guam', 'Guam'],
  ['GW', 'Africa/Bissau', 'Guinea-Bissau|Guinée-Bissau'],
  ['GY', 'America/Guyana', 'Guyana'],
  ['HK', 'Asia/Hong_Kong', 'Hong Kong|Hongkong|Hong Kong SAR|Hong Kong S.A.R.|HKSAR|HKG|香港'],
  ['HM', null, 'Heard Island and McDonald Islands'], // uninhabited, no zone
  ['HN', 'America/Tegucigalpa', 'Honduras'],
  ['HR', 'Europe/Zagreb', 'Croatia|Kroatien|Croatie|Hrvatska'],
  ['HT', 'America/Port-au-Prince', 'Haiti|Haïti'],
  ['HU', 'Europe/Budapest', 'Hungary|Ungarn|Hongrie|Magyarország|HUN'],
  ['ID', null, 'Indonesia|Indonesien|Indonésie'],
  ['IE', 'Europe/Dublin', 'Ireland|Republic of Ireland|Irland|Irlande|Éire|Eire|IRL'],
  ['IL', 'Asia/Jerusalem', 'Israel|Israël'],
  ['IM', 'Europe/Isle_of_Man', 'Isle of Man'],
  ['IN', 'Asia/Kolkata', 'India|Indien|Inde|Bharat'],
  ['IO', 'Indian/Chagos', 'British Indian Ocean Territory'],
  ['IQ', 'Asia/Baghdad', 'Iraq|Irak'],
  ['IR', 'Asia/Tehran', 'Iran|Islamic Republic of Iran'],
  ['IS', 'Atlantic/Reykjavik', 'Iceland|Island|Islande'],
  ['IT', 'Europe/Rome', 'Italy|Italien|Italie|Italia|ITA'],
  ['JE', 'Europe/Jersey', 'Jersey'],
  ['JM', 'America/Jamaica', 'Jamaica|Jamaika|Jamaïque'],
  ['JO', 'Asia/Amman', 'Jordan|Jordanien|Jordanie'],
  ['JP', 'Asia/Tokyo', 'Japan|Japon|Nippon|JPN|日本'],
  ['KE', 'Africa/Nairobi', 'Kenya|Kenia'],
  ['KG', 'Asia/Bishkek', 'Kyrgyzstan|Kirgisistan|Kirghizistan'],
  ['KH', 'Asia/Phnom_Penh', 'Cambodia|Kambodscha|Cambodge'],
  ['KI', null, 'Kiribati'],
  ['KM', 'Indian/Comoro', 'Comoros|Komoren|Comores'],
  ['KN', 'America/St_Kitts', 'Saint Kitts and Nevis|St Kitts and Nevis|St Kitts'],
  ['KP', 'Asia/Pyongyang', "North Korea|Nordkorea|Corée du Nord|Democratic People's Republic of Korea|DPRK"],
  ['KR', 'Asia/Seoul', 'South Korea|Korea|Republic of Korea|Südkorea|Korea (Süd)|Corée du Sud|Corée|KOR|대한민국|한국'],
  ['KW', 'Asia/Kuwait', 'Kuwait|Koweït'],
  ['KY', 'America/Cayman', 'Cayman Islands|Kaimaninseln|Îles Caïmans'],
  ['KZ', null, 'Kazakhstan|Kasachstan'],
  ['LA', 'Asia/Vientiane', "Laos|Lao People's Democratic Republic"],
  ['LB', 'Asia/Beirut', 'Lebanon|Libanon|Liban'],
  ['LC', 'America/St_Lucia', 'Saint Lucia|St Lucia|Sainte-Lucie'],
  ['LI', 'Europe/Vaduz', 'Liechtenstein'],
  ['LK', 'Asia/Colombo', 'Sri Lanka'],
  ['LR', 'Africa/Monrovia', 'Liberia'],
  ['LS', 'Africa/Maseru', 'Lesotho'],
  ['LT', 'Europe/Vilnius', 'Lithuania|Litauen|Lituanie|Lietuva'],
  ['LU', 'Europe/Luxembourg', 'Luxembourg|Luxemburg|Lëtzebuerg|LUX'],
  ['LV', 'Europe/Riga', 'Latvia|Lettland|Lettonie|Latvija'],
  ['LY', 'Africa/Tripoli', 'Libya|Libyen|Libye'],
  ['MA', 'Africa/Casablanca', 'Morocco|Marokko|Maroc'],
  ['MC', 'Europe/Monaco', 'Monaco'],
  ['MD', 'Europe/Chisinau', 'Moldova|Republic of Moldova|Moldau|Moldavie'],
  ['ME', 'Europe/Podgorica', 'Montenegro|Monténégro|Crna Gora'],
  ['MF', 'America/Marigot', 'Saint Martin|Saint-Martin'],
  ['MG', 'Indian/Antananarivo', 'Madagascar|Madagaskar'],
  ['MH', 'Pacific/Majuro', 'Marshall Islands|Marshallinseln'],
  ['MK', 'Europe/Skopje', 'North Macedonia|Macedonia|Former Yugoslav Republic of Macedonia|Nordmazedonien|Macédoine du Nord'],
  ['ML', 'Africa/Bamako', 'Mali'],
  ['MM', 'Asia/Yangon', 'Myanmar|Burma|Birma|Birmanie'],
  ['MN', null, 'Mongolia|Mongolei|Mongolie'],
  ['MO', 'Asia/Macau', 'Macao|Macau|Macao SAR|Macau SAR|澳門|澳门'],
  ['MP', 'Pacific/Saipan', 'Northern Mariana Islands|Nördliche Marianen'],
  ['MQ', 'America/Martinique', 'Martinique'],
  ['MR', 'Africa/Nouakchott', 'Mauritania|Mauretanien|Mauritanie'],
  ['MS', 'America/Montserrat', 'Montserrat'],
  ['MT', 'Europe/Malta', 'Malta|Malte'],
  ['MU', 'Indian/Mauritius', 'Mauritius|Maurice'],
  ['MV', 'Indian/Maldives', 'Maldives|Malediven'],
  ['MW', 'Africa/Blantyre', 'Malawi'],
  ['MX', null, 'Mexico|México|Mexiko|Mexique|Estados Unidos Mexicanos'],
  ['MY', 'Asia/Kuala_Lumpur', 'Malaysia|Malaisie|MYS'],
  ['MZ', 'Africa/Maputo', 'Mozambique|Mosambik'],
  ['NA', 'Africa/Windhoek', 'Namibia|Namibie'],
  ['NC', 'Pacific/Noumea', 'New Caledonia|Neukaledonien|Nouvelle-Calédonie'],
  ['NE', 'Africa/Niamey', 'Niger'],
  ['NF', 'Pacific/Norfolk', 'Norfolk Island'],
  ['NG', 'Africa/Lagos', 'Nigeria|Nigéria'],
  ['NI', 'America/Managua', 'Nicaragua'],
  ['NL', 'Europe/Amsterdam', 'Netherlands|The Netherlands|Holland|Niederlande|Pays-Bas|Nederland|NLD'],
  ['NO', 'Europe/Oslo', 'Norway|Norwegen|Norvège|Norge|NOR'],
  ['NP', 'Asia/Kathmandu', 'Nepal|Népal'],
  ['NR', 'Pacific/Nauru', 'Nauru'],
  ['NU', 'Pacific/Niue', 'Niue'],
  ['NZ', 'Pacific/Auckland', 'New Zealand|Neuseeland|Nouvelle-Zélande|Aotearoa|NZL'],
  ['OM', 'Asia/Muscat', 'Oman'],
  ['PA', 'America/Panama', 'Panama|Panamá'],
  ['PE', 'America/Lima', 'Peru|Pérou|Perú'],
  ['PF', 'Pacific/Tahiti', 'French Polynesia|Französisch-Polynesien|Polynésie française|Tahiti'],
  ['PG', 'Pacific/Port_Moresby', 'Papua New Guinea|Papua-Neuguinea|Papouasie-Nouvelle-Guinée'],
  ['PH', 'Asia/Manila', 'Philippines|Philippinen|Pilipinas'],
  ['PK', 'Asia/Karachi', 'Pakistan'],
  ['PL', 'Europe/Warsaw', 'Poland|Polen|Pologne|Polska|POL'],
  ['PM', 'America/Miquelon', 'Saint Pierre and Miquelon|Saint-Pierre-et-Miquelon'],
  ['PN', 'Pacific/Pitcairn', 'Pitcairn|Pitcairn Islands'],
  ['PR', 'America/Puerto_Rico', 'Puerto Rico|Porto Rico'],
  ['PS', null, 'Palestine|State of Palestine|Palestinian Territories'],
  ['PT', 'Europe/Lisbon', 'Portugal|PRT'],
  ['PW', 'Pacific/Palau', 'Palau'],
  ['PY', 'America/Asuncion', 'Paraguay'],
  ['QA', 'Asia/Qatar', 'Qatar|Katar'],
  ['RE', 'Indian/Reunion', 'Reunion|Réunion|La Réunion'],
  ['RO', 'Europe/Bucharest', 'Romania|Rumänien|Roumanie|România|ROU'],
  ['RS', 'Europe/Belgrade', 'Serbia|Serbien|Serbie|Srbija'],
  ['RU', null, 'Russia|Russian Federation|Russland|Russie|Rossiya|Россия|RUS'],
  ['RW', 'Africa/Kigali', 'Rwanda|Ruanda'],
  ['SA', 'Asia/Riyadh', 'Saudi Arabia|Saudi-Arabien|Arabie saoudite|KSA'],
  ['SB', 'Pacific/Guadalcanal', 'Solomon Islands|Salomonen'],
  ['SC', 'Indian/Mahe', 'Seychelles|Seychellen'],
  ['SD', 'Africa/Khartoum', 'Sudan|Soudan'],
  ['SE', 'Europe/Stockholm', 'Sweden|Schweden|Suède|Sverige|SWE'],
  ['SG', 'Asia/Singapore', 'Singapore|Singapur|Singapour|SGP'],
  ['SH', 'Atlantic/St_Helena', 'Saint Helena|St Helena'],
  ['SI', 'Europe/Ljubljana', 'Slovenia|Slowenien|Slovénie|Slovenija'],
  ['SJ', 'Arctic/Longyearbyen', 'Svalbard and Jan Mayen|Svalbard'],
  ['SK', 'Europe/Bratislava', 'Slovakia|Slowakei|Slovaquie|Slovensko|SVK'],
  ['SL', 'Africa/Freetown', 'Sierra Leone'],
  ['SM', 'Europe/San_Marino', 'San Marino|Saint-Marin'],
  ['SN', 'Africa/Dakar', 'Senegal|Sénégal'],
  ['SO', 'Africa/Mogadishu', 'Somalia|Somalie'],
  ['SR', 'America/Paramaribo', 'Suriname'],
  ['SS', 'Africa/Juba', 'South Sudan|Südsudan|Soudan du Sud'],
  ['ST', 'Africa/Sao_Tome', 'Sao Tome and Principe|São Tomé and Príncipe'],
  ['SV', 'America/El_Salvador', 'El Salvador'],
  ['SX', 'America/Lower_Princes', 'Sint Maarten'],
  ['SY', 'Asia/Damascus', 'Syria|Syrien|Syrie|Syrian Arab Republic'],
  ['SZ', 'Africa/Mbabane', 'Eswatini|Swaziland'],
  ['TC', 'America/Grand_Turk', 'Turks and Caicos Islands|Turks and Caicos'],
  ['TD', 'Africa/Ndjamena', 'Chad|Tschad|Tchad'],
  ['TF', 'Indian/Kerguelen', 'French Southern Territories'],
  ['TG', 'Africa/Lome', 'Togo'],
  ['TH', 'Asia/Bangkok', 'Thailand|Thaïlande|THA'],
  ['TJ', 'Asia/Dushanbe', 'Tajikistan|Tadschikistan'],
  ['TK', 'Pacific/Fakaofo', 'Tokelau'],
  ['TL', 'Asia/Dili', 'Timor-Leste|East Timor|Osttimor'],
  ['TM', 'Asia/Ashgabat', 'Turkmenistan'],
  ['TN', 'Africa/Tunis', 'Tunisia|Tunesien|Tunisie'],
  ['TO', 'Pacific/Tongatapu', 'Tonga'],
  ['TR', 'Europe/Istanbul', 'Turkey|Türkiye|Turkiye|Türkei|Turquie|TUR'],
  ['TT', 'America/Port_of_Spain', 'Trinidad and Tobago|Trinidad & Tobago|Trinidad'],
  ['TV', 'Pacific/Funafuti', 'Tuvalu'],
  ['TW', 'Asia/Taipei', 'Taiwan|Taïwan|Republic of China|ROC|Province of China Taiwan|TWN|台灣|台湾'],
  ['TZ', 'Africa/Dar_es_Salaam', 'Tanzania|Tansania|Tanzanie|United Republic of Tanzania'],
  ['UA', 'Europe/Kyiv', 'Ukraine|Ukrajina|UKR'],
  ['UG', 'Africa/Kampala', 'Uganda|Ouganda'],
  ['UM', null, 'United States Minor Outlying Islands'],
  ['US', null, 'United States|United States of America|USA|U.S.A.|U.S.|America|Vereinigte Staaten|Vereinigte Staaten von Amerika|États-Unis|Etats-Unis|Estados Unidos|Stati Uniti'],
  ['UY', 'America/Montevideo', 'Uruguay'],
  ['UZ', 'Asia/Tashkent', 'Uzbekistan|Usbekistan|Ouzbékistan'],
  ['VA', 'Europe/Vatican', 'Vatican|Vatican City|Holy See|Vatikanstadt|Città del Vaticano'],
  ['VC', 'America/St_Vincent', 'Saint Vincent and the Grenadines|St Vincent'],
  ['VE', 'America/Caracas', 'Venezuela|Bolivarian Republic of Venezuela'],
  ['VG', 'America/Tortola', 'British Virgin Islands|Virgin Islands (British)'], // bare "Virgin Islands" is read as the US ones (same rules)
  ['VI', 'America/St_Thomas', 'U.S. Virgin Islands|US Virgin Islands|Virgin Islands (U.S.)|Virgin Islands'],
  ['VN', 'Asia/Ho_Chi_Minh', 'Vietnam|Viet Nam|Viêt Nam|VNM'],
  ['VU', 'Pacific/Efate', 'Vanuatu'],
  ['WF', 'Pacific/Wallis', 'Wallis and Futuna'],
  ['WS', 'Pacific/Apia', 'Samoa'],
  ['XK', 'Europe/Belgrade', 'Kosovo'],
  ['YE', 'Asia/Aden', 'Yemen|Jemen|Yémen'],
  ['YT', 'Indian/Mayotte', 'Mayotte'],
  ['ZA', 'Africa/Johannesburg', 'South Africa|Südafrika|Afrique du Sud|RSA|ZAF'],
  ['ZM', 'Africa/Lusaka', 'Zambia|Sambia|Zambie'],
  ['ZW', 'Africa/Harare', 'Zimbabwe|Simbabwe'],
];

/** Codes carriers print that are not ISO 3166-1 alpha-2 (the UK's own, old vehicle codes before a postcode). */
export const COUNTRY_CODE_ALIASES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };
/** Prefixes of `CC-NNNNN` postcodes (`D-20095 Hamburg`, `CH-8001 Zürich`): ISO codes plus the old vehicle codes. */
export const POSTCODE_COUNTRY_PREFIXES: Readonly<Record<string, string>> = {
  D: 'DE', A: 'AT', F: 'FR', I: 'IT', B: 'BE', L: 'LU', E: 'ES', P: 'PT', S: 'SE', N: 'NO', H: 'HU', FIN: 'FI', SF: 'FI', DK: 'DK',
  CH: 'CH', NL: 'NL', PL: 'PL', CZ: 'CZ', SK: 'SK', SLO: 'SI', HR: 'HR', GR: 'GR', DE: 'DE', AT: 'AT', FR: 'FR', IT: 'IT', BE: 'BE',
  LU: 'LU', ES: 'ES', PT: 'PT', SE: 'SE', NO: 'NO', HU: 'HU', FI: 'FI', SI: 'SI', RO: 'RO', BG: 'BG', LT: 'LT', LV: 'LV', EE: 'EE',
};

/**
 * `[codes, zone or null, names]` of a multi-zone country's regions. Codes are ISO 3166-2 subdivision
 * codes without the country prefix, plus the postal abbreviations carriers use.
 */
export type RegionRow = readonly [codes: string, zone: string | null, names: string];

/** US states, DC, territories, freely associated states and military "states" (USPS codes). */
export const US_STATES: readonly RegionRow[] = [
  ['AL', 'America/Chicago', 'Alabama'],
  ['AK', 'America/Anchorage', 'Alaska'], // Adak and Atka (western Aleutians): by ZIP
  ['AZ', 'America/Phoenix', 'Arizona'], // the Navajo Nation keeps DST (America/Denver): not told apart
  ['AR', 'America/Chicago', 'Arkansas'],
  ['CA', 'America/Los_Angeles', 'California|Kalifornien|Californie'],
  ['CO', 'America/Denver', 'Colorado'],
  ['CT', 'America/New_York', 'Connecticut'],
  ['DE', 'America/New_York', 'Delaware'],
  ['DC', 'America/New_York', 'District of Columbia|Washington DC|Washington D.C.'],
  ['FL', 'America/New_York', 'Florida|Floride'], // the western panhandle is Central: by ZIP
  ['GA', 'America/New_York', 'Georgia'],
  ['HI', 'Pacific/Honolulu', 'Hawaii|Hawaï'],
  ['ID', 'America/Boise', 'Idaho'], // the panhandle is Pacific: by ZIP
  ['IL', 'America/Chicago', 'Illinois'],
  ['IN', 'America/Indiana/Indianapolis', 'Indiana'], // the north-west and south-west corners are Central: by ZIP
  ['IA', 'America/Chicago', 'Iowa'],
  ['KS', 'America/Chicago', 'Kansas'], // four western counties are Mountain: by ZIP
  ['KY', 'America/New_York', 'Kentucky'], // the western half is Central: by ZIP
  ['LA', 'America/Chicago', 'Louisiana|Louisiane'],
  ['ME', 'America/New_York', 'Maine'],
  ['MD', 'America/New_York', 'Maryland'],
  ['MA', 'America/New_York', 'Massachusetts'],
  ['MI', 'America/Detroit', 'Michigan'], // four Upper Peninsula counties are Central: by ZIP
  ['MN', 'America/Chicago', 'Minnesota'],
  ['MS', 'America/Chicago', 'Mississippi'],
  ['MO', 'America/Chicago', 'Missouri'],
  ['MT', 'America/Denver', 'Montana'],
  ['NE', 'America/Chicago', 'Nebraska'], // the panhandle is Mountain: by ZIP
  ['NV', 'America/Los_Angeles', 'Nevada'], // West Wendover is Mountain: by ZIP
  ['NH', 'America/New_York', 'New Hampshire'],
  ['NJ', 'America/New_York', 'New Jersey'],
  ['NM', 'America/Denver', 'New Mexico|Nouveau-Mexique'],
  ['NY', 'America/New_York', 'New York|New York State'],
  ['NC', 'America/New_York', 'North Carolina|Caroline du Nord'],
  ['ND', 'America/Chicago', 'North Dakota'], // the south-west is Mountain: by ZIP
  ['OH', 'America/New_York', 'Ohio'],
  ['OK', 'America/Chicago', 'Oklahoma'],
  ['OR', 'America/Los_Angeles', 'Oregon'], // Malheur County is Mountain: by ZIP
  ['PA', 'America/New_York', 'Pennsylvania|Pennsylvanie'],
  ['RI', 'America/New_York', 'Rhode Island'],
  ['SC', 'America/New_York', 'South Carolina|Caroline du Sud'],
  ['SD', 'America/Chicago', 'South Dakota'], // the west is Mountain: by ZIP
  ['TN', 'America/Chicago', 'Tennessee'], // East Tennessee is Eastern: by ZIP
  ['TX', 'America/Chicago', 'Texas'], // El Paso and Hudspeth are Mountain: by ZIP
  ['UT', 'America/Denver', 'Utah'],
  ['VT', 'America/New_York', 'Vermont'],
  ['VA', 'America/New_York', 'Virginia|Virginie'],
  ['WA', 'America/Los_Angeles', 'Washington|Washington State'],
  ['WV', 'America/New_York', 'West Virginia|Virginie-Occidentale'],
  ['WI', 'America/Chicago', 'Wisconsin'],
  ['WY', 'America/Denver', 'Wyoming'],
  ['PR', 'America/Puerto_Rico', 'Puerto Rico'],
  ['VI', 'America/St_Thomas', 'U.S. Virgin Islands|US Virgin Islands|Virgin Islands'],
  ['GU', 'Pacific/Guam', 'Guam'],
  ['AS', 'Pacific/Pago_Pago', 'American Samoa'],
  ['MP', 'Pacific/Saipan', 'Northern Mariana Islands'],
  ['MH', 'Pacific/Majuro', 'Marshall Islands'],
  ['PW', 'Pacific/Palau', 'Palau'],
  ['FM', null, 'Micronesia'],
  ['UM', null, 'U.S. Minor Outlying Islands'],
  // APO/FPO addresses: "Armed Forces Americas/Europe/Pacific" say nothing about the place.
  ['AA', null, 'Armed Forces Americas'],
  ['AE', null, 'Armed Forces Europe'],
  ['AP', null, 'Armed Forces Pacific'],
];

/**
 * Region names that are also a well-known city elsewhere (Washington DC; Victoria BC; Ontario, California):
 * alone (no other part), they are not read as the region. (New York and Québec are not listed: the city is in the region.)
 */
export const REGION_NAMES_ALSO_CITIES: readonly string[] = ['Washington', 'Victoria', 'Ontario'];

/**
 * First three ZIP digits → USPS state (`from-to state` or `nnn state`). Used to check that a ZIP
 * belongs to the state beside it, and to find the state of a bare ZIP when the place is known to be in the US.
 */
export const US_ZIP3: string =
  '005 NY|006-007 PR|008 VI|009 PR|010-027 MA|028-029 RI|030-038 NH|039-049 ME|050-054 VT|055 MA|056-059 VT|060-069 CT|' +
  '070-089 NJ|090-099 AE|100-149 NY|150-196 PA|197-199 DE|200 DC|201 VA|202-205 DC|206-219 MD|220-246 VA|247-268 WV|' +
  '270-289 NC|290-299 SC|300-319 GA|320-339 FL|340 AA|341-349 FL|350-369 AL|370-385 TN|386-397 MS|398-399 GA|400-427 KY|' +
  '430-459 OH|460-479 IN|480-499 MI|500-528 IA|530-549 WI|550-567 MN|569 DC|570-577 SD|580-588 ND|590-599 MT|600-629 IL|' +
  '630-658 MO|660-679 KS|680-693 NE|700-714 LA|716-729 AR|730-731 OK|733 TX|734-749 OK|750-799 TX|800-816 CO|820-831 WY|' +
  '832-838 ID|840-847 UT|850-865 AZ|870-884 NM|885 TX|889-898 NV|900-961 CA|962-966 AP|967-968 HI|969 GU|970-979 OR|' +
  '980-994 WA|995-999 AK';
/** 5-digit ZIPs whose state differs from their prefix's (American Samoa under 967, the Pacific states under 969). */
export const US_ZIP5_STATE: Readonly<Record<string, string>> = {
  '96799': 'AS', '96939': 'PW', '96940': 'PW', '96941': 'FM', '96942': 'FM', '96943': 'FM', '96944': 'FM',
  '96950': 'MP', '96951': 'MP', '96952': 'MP', '96960': 'MH', '96970': 'MH',
};

/**
 * Split states: `state → [rules]`, each `nnn zone` / `nnn-nnn zone` (ZIP prefixes) or `nnnnn zone` (one
 * ZIP), later rules winning. Prefixes follow the county lines closely; where a prefix straddles the line
 * it takes its majority's zone and the towns on the other side are listed by ZIP.
 */
export const US_SPLIT_ZIPS: Readonly<Record<string, string>> = {
  AK: '99546 America/Adak|99547 America/Adak',
  FL: '324-325 America/Chicago|32456 America/New_York',
  ID: '835 America/Los_Angeles|838 America/Los_Angeles',
  IN:
    '463-464 America/Chicago|476-477 America/Chicago|' +
    '46532 America/Chicago|46534 America/Chicago|47922 America/Chicago|47943 America/Chicago|47948 America/Chicago|' +
    '47951 America/Chicago|47963 America/Chicago|47977 America/Chicago|47978 America/Chicago|47515 America/Chicago|' +
    '47520 America/Chicago|47523 America/Chicago|47525 America/Chicago|47536 America/Chicago|47537 America/Chicago|' +
    '47550 America/Chicago|47551 America/Chicago|47577 America/Chicago|47579 America/Chicago|47586 America/Chicago',
  KS:
    '67733 America/Denver|67735 America/Denver|67741 America/Denver|67758 America/Denver|67761 America/Denver|' +
    '67762 America/Denver|67836 America/Denver|67857 America/Denver|67878 America/Denver|67879 America/Denver',
  KY:
    '420-424 America/Chicago|' +
    '40111 America/Chicago|40140 America/Chicago|40143 America/Chicago|40144 America/Chicago|40145 America/Chicago|' +
    '40146 America/Chicago|40152 America/Chicago|40170 America/Chicago|40171 America/Chicago|40176 America/Chicago|' +
    '42602 America/Chicago|42629 America/Chicago|42642 America/Chicago|42717 America/Chicago|42726 America/Chicago|' +
    '42728 America/Chicago|42743 America/Chicago|42749 America/Chicago|42754 America/Chicago|42765 America/Chicago',
  MI:
    '49801 America/Menominee|49802 America/Menominee|49812 America/Menominee|49815 America/Menominee|' +
    '49821 America/Menominee|49831 America/Menominee|49834 America/Menominee|49847 America/Menominee|' +
    '49848 America/Menominee|49858 America/Menominee|49870 America/Menominee|49874 America/Menominee|' +
    '49876 America/Menominee|49886 America/Menominee|49887 America/Menominee|49892 America/Menominee|' +
    '49893 America/Menominee|49902 America/Menominee|49903 America/Menominee|49911 America/Menominee|' +
    '49915 America/Menominee|49920 America/Menominee|49927 America/Menominee|49935 America/Menominee|' +
    '49938 America/Menominee|49947 America/Menominee|49959 America/Menominee|49968 America/Menominee|49969 America/Menominee',
  NE:
    '693 America/Denver|' +
    '69021 America/Denver|69023 America/Denver|69030 America/Denver|69033 America/Denver|69045 America/Denver|' +
    '69121 America/Denver|69122 America/Denver|69127 America/Denver|69129 America/Denver|69140 America/Denver|' +
    '69145 America/Denver|69147 America/Denver|69152 America/Denver|69153 America/Denver|69154 America/Denver|' +
    '69155 America/Denver|69156 America/Denver|69162 America/Denver',
  ND: '586 America/Denver',
  NV: '89883 America/Denver',
  OR: '979 America/Boise',
  SD:
    '577 America/Denver|' +
    '57543 America/Denver|57551 America/Denver|57552 America/Denver|57562 America/Denver|57567 America/Denver|' +
    '57577 America/Denver|57620 America/Denver|57623 America/Denver|57626 America/Denver|57638 America/Denver',
  TN:
    '373-374 America/New_York|376-379 America/New_York|' +
    '37301 America/Chicago|37305 America/Chicago|37306 America/Chicago|37313 America/Chicago|37318 America/Chicago|' +
    '37324 America/Chicago|37327 America/Chicago|37328 America/Chicago|37330 America/Chicago|37335 America/Chicago|' +
    '37339 America/Chicago|37342 America/Chicago|37345 America/Chicago|37347 America/Chicago|37348 America/Chicago|' +
    '37352 America/Chicago|37355 America/Chicago|37356 America/Chicago|37357 America/Chicago|37359 America/Chicago|' +
    '37360 America/Chicago|37365 America/Chicago|37366 America/Chicago|37367 America/Chicago|37374 America/Chicago|' +
    '37375 America/Chicago|37376 America/Chicago|37380 America/Chicago|37388 America/Chicago|37389 America/Chicago|' +
    '37397 America/Chicago|37398 America/Chicago',
  TX:
    '799 America/Denver|885 America/Denver|' +
    '79821 America/Denver|79835 America/Denver|79836 America/Denver|79837 America/Denver|79838 America/Denver|' +
    '79839 America/Denver|79847 America/Denver|79849 America/Denver|79851 America/Denver|79853 America/Denver',
};

/** Canadian provinces and territories (Canada Post codes). */
export const CA_PROVINCES: readonly RegionRow[] = [
  ['AB', 'America/Edmonton', 'Alberta'], // Lloydminster (SK side) keeps Alberta time: see CA_FSA
  ['BC', 'America/Vancouver', 'British Columbia|Colombie-Britannique|Britisch-Kolumbien'], // the Kootenays and the north-east: by FSA
  ['MB', 'America/Winnipeg', 'Manitoba'],
  ['NB', 'America/Moncton', 'New Brunswick|Nouveau-Brunswick|Neubraunschweig'],
  ['NL|NF', 'America/St_Johns', 'Newfoundland and Labrador|Newfoundland|Terre-Neuve-et-Labrador|Neufundland und Labrador'], // Labrador: by FSA
  ['NS', 'America/Halifax', 'Nova Scotia|Nouvelle-Écosse|Neuschottland'],
  ['NT', 'America/Edmonton', 'Northwest Territories|Territoires du Nord-Ouest|Nordwest-Territorien'], // tz merged America/Yellowknife into Edmonton
  ['NU', 'America/Iqaluit', 'Nunavut'], // most people live in Qikiqtaaluk (Eastern); Kivalliq and Kitikmeot: by FSA
  ['ON', 'America/Toronto', 'Ontario'], // the far north-west is Central: by FSA
  ['PE', 'America/Halifax', 'Prince Edward Island|Île-du-Prince-Édouard|PEI|P.E.I.'],
  ['QC|PQ', 'America/Toronto', 'Quebec|Québec|Province de Québec'], // the Magdalen Islands are Atlantic: by FSA
  ['SK', 'America/Regina', 'Saskatchewan'],
  ['YT', 'America/Whitehorse', 'Yukon|Yukon Territory'],
];
/** First letter of a Canadian postcode → province (X is NT or NU: see CA_FSA). */
export const CA_POSTCODE_LETTER: Readonly<Record<string, string>> = {
  A: 'NL', B: 'NS', C: 'PE', E: 'NB', G: 'QC', H: 'QC', J: 'QC', K: 'ON', L: 'ON', M: 'ON', N: 'ON', P: 'ON', R: 'MB',
  S: 'SK', T: 'AB', V: 'BC', Y: 'YT',
};
/** Forward sortation areas whose zone differs from their province's. */
export const CA_FSA: Readonly<Record<string, string>> = {
  A0P: 'America/Goose_Bay', A0R: 'America/Goose_Bay', A2V: 'America/Goose_Bay', // Labrador
  G4T: 'America/Halifax', // Magdalen Islands
  P0V: 'America/Winnipeg', P0W: 'America/Winnipeg', P0X: 'America/Winnipeg', P8N: 'America/Winnipeg', P8T: 'America/Winnipeg',
  P9A: 'America/Winnipeg', P9N: 'America/Winnipeg', // Kenora and Rainy River districts
  S9V: 'America/Edmonton', // Lloydminster
  V1C: 'America/Edmonton', // Cranbrook (East Kootenay)
  V1G: 'America/Dawson_Creek', V1J: 'America/Dawson_Creek', // Dawson Creek, Fort St. John
  X0A: 'America/Iqaluit', X0B: 'America/Cambridge_Bay', X0C: 'America/Rankin_Inlet', // Nunavut
  X0E: 'America/Edmonton', X0G: 'America/Edmonton', X1A: 'America/Edmonton', // Northwest Territories
};

/** Australian states and territories. */
export const AU_STATES: readonly RegionRow[] = [
  ['NSW', 'Australia/Sydney', 'New South Wales|Neusüdwales|Nouvelle-Galles du Sud'], // Broken Hill, Lord Howe Island: by postcode
  ['VIC', 'Australia/Melbourne', 'Victoria'],
  ['QLD', 'Australia/Brisbane', 'Queensland'],
  ['SA', 'Australia/Adelaide', 'South Australia|Südaustralien|Australie-Méridionale'],
  ['WA', 'Australia/Perth', 'Western Australia|Westaustralien|Australie-Occidentale'],
  ['TAS', 'Australia/Hobart', 'Tasmania|Tasmanien|Tasmanie'],
  ['NT', 'Australia/Darwin', 'Northern Territory|Nordterritorium|Territoire du Nord'],
  ['ACT', 'Australia/Sydney', 'Australian Capital Territory'],
];
/** Australian postcode ranges → state, and single postcodes whose zone differs from their state's. */
export const AU_POSTCODE: string = '0800-0999 NT|1000-2599 NSW|2600-2618 ACT|2619-2899 NSW|2900-2920 ACT|2921-2999 NSW|3000-3999 VIC|4000-4999 QLD|5000-5999 SA|6000-6999 WA|7000-7999 TAS';
export const AU_POSTCODE_ZONE: Readonly<Record<string, string>> = { '2880': 'Australia/Broken_Hill', '2898': 'Australia/Lord_Howe' };

/** Mexican states: ISO 3166-2:MX codes plus common abbreviations. Codes are read only when the place is in Mexico. */
export const MX_STATES: readonly RegionRow[] = [
  ['AGU|AGS', 'America/Mexico_City', 'Aguascalientes'],
  ['BCN|BC', 'America/Tijuana', 'Baja California'],
  ['BCS', 'America/Mazatlan', 'Baja California Sur'],
  ['CAM', 'America/Merida', 'Campeche'],
  ['CHP|CHIS', 'America/Mexico_City', 'Chiapas'],
  ['CHH|CHIH', 'America/Chihuahua', 'Chihuahua'], // Ciudad Juárez and Ojinaga keep US DST: by city
  ['CMX|CDMX|DF', 'America/Mexico_City', 'Ciudad de Mexico|Ciudad de México|Mexico City|Distrito Federal'],
  ['COA|COAH', 'America/Monterrey', 'Coahuila|Coahuila de Zaragoza'], // the border strip keeps US DST: by city
  ['COL', 'America/Mexico_City', 'Colima'],
  ['DUR|DGO', 'America/Monterrey', 'Durango'],
  ['GUA|GTO', 'America/Mexico_City', 'Guanajuato'],
  ['GRO', 'America/Mexico_City', 'Guerrero'],
  ['HID|HGO', 'America/Mexico_City', 'Hidalgo'],
  ['JAL', 'America/Mexico_City', 'Jalisco'],
  ['MEX|EDOMEX', 'America/Mexico_City', 'Estado de Mexico|Estado de México|State of Mexico|Edomex'],
  ['MIC|MICH', 'America/Mexico_City', 'Michoacan|Michoacán|Michoacán de Ocampo'],
  ['MOR', 'America/Mexico_City', 'Morelos'],
  ['NAY', 'America/Mazatlan', 'Nayarit'], // Bahía de Banderas is on Central time: by city
  ['NLE|NL', 'America/Monterrey', 'Nuevo Leon|Nuevo León'],
  ['OAX', 'America/Mexico_City', 'Oaxaca'],
  ['PUE', 'America/Mexico_City', 'Puebla'],
  ['QUE|QRO', 'America/Mexico_City', 'Queretaro|Querétaro'],
  ['ROO|QROO|Q ROO', 'America/Cancun', 'Quintana Roo'],
  ['SLP', 'America/Mexico_City', 'San Luis Potosi|San Luis Potosí'],
  ['SIN', 'America/Mazatlan', 'Sinaloa'],
  ['SON', 'America/Hermosillo', 'Sonora'],
  ['TAB', 'America/Mexico_City', 'Tabasco'],
  ['TAM|TAMPS', null, 'Tamaulipas'], // Reynosa, Matamoros, Nuevo Laredo (US DST) are about half: by city
  ['TLA|TLAX', 'America/Mexico_City', 'Tlaxcala'],
  ['VER', 'America/Mexico_City', 'Veracruz|Veracruz de Ignacio de la Llave'],
  ['YUC', 'America/Merida', 'Yucatan|Yucatán'],
  ['ZAC', 'America/Mexico_City', 'Zacatecas'],
];

/** Brazilian states (UF codes, read only when the place is in Brazil). */
export const BR_STATES: readonly RegionRow[] = [
  ['AC', 'America/Rio_Branco', 'Acre'],
  ['AL', 'America/Maceio', 'Alagoas'],
  ['AP', 'America/Belem', 'Amapa|Amapá'],
  ['AM', 'America/Manaus', 'Amazonas'],
  ['BA', 'America/Bahia', 'Bahia'],
  ['CE', 'America/Fortaleza', 'Ceara|Ceará'],
  ['DF', 'America/Sao_Paulo', 'Distrito Federal'],
  ['ES', 'America/Sao_Paulo', 'Espirito Santo|Espírito Santo'],
  ['GO', 'America/Sao_Paulo', 'Goias|Goiás'],
  ['MA', 'America/Fortaleza', 'Maranhao|Maranhão'],
  ['MT', 'America/Cuiaba', 'Mato Grosso'],
  ['MS', 'America/Campo_Grande', 'Mato Grosso do Sul'],
  ['MG', 'America/Sao_Paulo', 'Minas Gerais'],
  ['PA', 'America/Belem', 'Para|Pará'],
  ['PB', 'America/Fortaleza', 'Paraiba|Paraíba'],
  ['PR', 'America/Sao_Paulo', 'Parana|Paraná'],
  ['PE', 'America/Recife', 'Pernambuco'],
  ['PI', 'America/Fortaleza', 'Piaui|Piauí'],
  ['RJ', 'America/Sao_Paulo', 'Rio de Janeiro'],
  ['RN', 'America/Fortaleza', 'Rio Grande do Norte'],
  ['RS', 'America/Sao_Paulo', 'Rio Grande do Sul'],
  ['RO', 'America/Porto_Velho', 'Rondonia|Rondônia'],
  ['RR', 'America/Boa_Vista', 'Roraima'],
  ['SC', 'America/Sao_Paulo', 'Santa Catarina'],
  ['SP', 'America/Sao_Paulo', 'Sao Paulo|São Paulo'],
  ['SE', 'America/Maceio', 'Sergipe'],
  ['TO', 'America/Araguaina', 'Tocantins'],
];

/** Indonesian provinces (names in Indonesian and English; WIB Jakarta/Pontianak, WITA Makassar, WIT Jayapura). */
export const ID_PROVINCES: readonly RegionRow[] = [
  ['AC', 'Asia/Jakarta', 'Aceh|Nanggroe Aceh Darussalam'],
  ['SU', 'Asia/Jakarta', 'Sumatera Utara|North Sumatra'],
  ['SB', 'Asia/Jakarta', 'Sumatera Barat|West Sumatra'],
  ['RI', 'Asia/Jakarta', 'Riau'],
  ['KR', 'Asia/Jakarta', 'Kepulauan Riau|Riau Islands'],
  ['JA', 'Asia/Jakarta', 'Jambi'],
  ['SS', 'Asia/Jakarta', 'Sumatera Selatan|South Sumatra'],
  ['BB', 'Asia/Jakarta', 'Kepulauan Bangka Belitung|Bangka Belitung|Bangka Belitung Islands'],
  ['BE', 'Asia/Jakarta', 'Bengkulu'],
  ['LA', 'Asia/Jakarta', 'Lampung'],
  ['JK', 'Asia/Jakarta', 'DKI Jakarta|Jakarta|Daerah Khusus Ibukota Jakarta'],
  ['JB', 'Asia/Jakarta', 'Jawa Barat|West Java'],
  ['BT', 'Asia/Jakarta', 'Banten'],
  ['JT', 'Asia/Jakarta', 'Jawa Tengah|Central Java'],
  ['YO', 'Asia/Jakarta', 'DI Yogyakarta|Daerah Istimewa Yogyakarta|Yogyakarta|Special Region of Yogyakarta'],
  ['JI', 'Asia/Jakarta', 'Jawa Timur|East Java'],
  ['KB', 'Asia/Pontianak', 'Kalimantan Barat|West Kalimantan'],
  ['KT', 'Asia/Pontianak', 'Kalimantan Tengah|Central Kalimantan'],
  ['BA', 'Asia/Makassar', 'Bali'],
  ['NB', 'Asia/Makassar', 'Nusa Tenggara Barat|West Nusa Tenggara'],
  ['NT', 'Asia/Makassar', 'Nusa Tenggara Timur|East Nusa Tenggara'],
  ['KS', 'Asia/Makassar', 'Kalimantan Selatan|South Kalimantan'],
  ['KI', 'Asia/Makassar', 'Kalimantan Timur|East Kalimantan'],
  ['KU', 'Asia/Makassar', 'Kalimantan Utara|North Kalimantan'],
  ['SA', 'Asia/Makassar', 'Sulawesi Utara|North Sulawesi'],
  ['GO', 'Asia/Makassar', 'Gorontalo'],
  ['ST', 'Asia/Makassar', 'Sulawesi Tengah|Central Sulawesi'],
  ['SR', 'Asia/Makassar', 'Sulawesi Barat|West Sulawesi'],
  ['SN', 'Asia/Makassar', 'Sulawesi Selatan|South Sulawesi'],
  ['SG', 'Asia/Makassar', 'Sulawesi Tenggara|Southeast Sulawesi'],
  ['MA', 'Asia/Jayapura', 'Maluku|Moluccas'],
  ['MU', 'Asia/Jayapura', 'Maluku Utara|North Maluku'],
  ['PA', 'Asia/Jayapura', 'Papua'],
  ['PB', 'Asia/Jayapura', 'Papua Barat|West Papua'],
  ['PS', 'Asia/Jayapura', 'Papua Selatan|South Papua'],
  ['PT', 'Asia/Jayapura', 'Papua Tengah|Central Papua'],
  ['PE', 'Asia/Jayapura', 'Papua Pegunungan|Highland Papua'],
  ['PD', 'Asia/Jayapura', 'Papua Barat Daya|Southwest Papua'],
];

/** A few Russian regions by name (the rest of Russia resolves by city). */
export const RU_REGIONS: readonly RegionRow[] = [
  ['MOW', 'Europe/Moscow', 'Moscow|Moskva|Moskau|Москва'],
  ['MOS', 'Europe/Moscow', 'Moscow Oblast|Moscow Region|Moskovskaya Oblast|Московская область'],
  ['SPE', 'Europe/Moscow', 'Saint Petersburg|St Petersburg|Sankt-Peterburg|Санкт-Петербург'],
  ['LEN', 'Europe/Moscow', 'Leningrad Oblast|Leningradskaya Oblast|Ленинградская область'],
  ['KGD', 'Europe/Kaliningrad', 'Kaliningrad Oblast|Kaliningradskaya Oblast'],
  ['NVS', 'Asia/Novosibirsk', 'Novosibirsk Oblast|Novosibirskaya Oblast'],
  ['SVE', 'Asia/Yekaterinburg', 'Sverdlovsk Oblast|Sverdlovskaya Oblast'],
  ['PRI', 'Asia/Vladivostok', 'Primorsky Krai|Primorskiy Kray'],
];

/**
 * Known cities: `[country, zone or null for the country's zone, names, region]`.
 * - Rows without a region are cities of single-zone countries that name one place so dominantly that a
 *   carrier line with only the city (`Köln`, `SHENZHEN`) can be placed; a zone of their own marks islands
 *   (Las Palmas → Atlantic/Canary). Names shared with a comparable place elsewhere (Portland, Richmond,
 *   San José, Valencia, Santiago, Córdoba, Halifax, Hamilton, Newcastle, Dover, Springfield, Reading,
 *   Cambridge, Granada…) are left out on purpose; the test checks no name is under two such countries.
 * - Rows with a region are cities of multi-zone countries. They never place an event by themselves (the
 *   region must be known, issue #19); they tell which of two readings of a code is meant (`LOS ANGELES, CA`
 *   is California, `Perth, WA` Western Australia), and where their region is split they pick the zone
 *   (`Evansville, IN` → Central, `Reynosa, Tamaulipas` → America/Matamoros). A name may be listed in
 *   several regions (`Ontario`: California and Oregon). US and Canadian namesakes of European cities
 *   (Paris TX, London ON, Berlin NH…) are listed so that `Paris, TX` is read as Texas while `Milano MI`
 *   (an Italian province code) is refused rather than read as Michigan.
 */
export type CityRow = readonly [country: string, zone: string | null, names: string, region?: string];

export const CITIES: readonly CityRow[] = [
  // Germany (DHL, Deutsche Post, GLS, DPD, Hermes hubs included)
  [
    'DE',
    null,
    'Berlin|Hamburg|München|Munich|Köln|Cologne|Frankfurt|Frankfurt am Main|Frankfurt Main|Stuttgart|Düsseldorf|Leipzig|Dortmund|' +
      'Essen|Bremen|Dresden|Hannover|Hanover|Nürnberg|Nuremberg|Duisburg|Bochum|Wuppertal|Bielefeld|Bonn|Münster|Mannheim|' +
      'Karlsruhe|Augsburg|Wiesbaden|Mönchengladbach|Gelsenkirchen|Aachen|Braunschweig|Kiel|Chemnitz|Halle|Halle Saale|' +
      'Halle an der Saale|Magdeburg|Freiburg|Freiburg im Breisgau|Krefeld|Mainz|Lübeck|Erfurt|Rostock|Kassel|Potsdam|' +
      'Saarbrücken|Regensburg|Ingolstadt|Würzburg|Ulm|Heidelberg|Darmstadt|Osnabrück|Oldenburg|Offenbach|Offenbach am Main|' +
      'Erding|Obertshausen|Aschheim|Radefeld|Schkeuditz|Bad Hersfeld|Neuenstein|Staufenberg|Kabelsketal|Börnsen|Feucht|' +
      'Saulheim|Greven|Rüdersdorf|Neuwied|Bad Oldesloe|Hürth|Troisdorf|Unna|Hamm|Paderborn|Siegen|Koblenz|Trier|Jena|Gera|' +
      'Zwickau|Cottbus|Schwerin|Flensburg|Göttingen|Wolfsburg|Hildesheim|Pforzheim|Heilbronn|Reutlingen|Fürth|Erlangen|Bamberg|' +
      'Bayreuth|Passau|Rosenheim|Kempten|Konstanz|Villingen-Schwenningen|Ludwigshafen|Ludwigshafen am Rhein|Kaiserslautern|Neuss|' +
      'Leverkusen|Solingen|Remscheid|Herne|Oberhausen|Mülheim an der Ruhr|Recklinghausen|Bottrop|Moers|Bergisch Gladbach',
  ],
  ['AT', null, 'Wien|Vienna|Vienne|Graz|Linz|Salzburg|Innsbruck|Klagenfurt|Villach|Wels|St. Pölten|Sankt Pölten|Dornbirn|Bregenz|Wiener Neudorf|Kalsdorf'],
  ['CH', null, 'Zürich|Zurich|Genève|Geneva|Genf|Ginevra|Basel|Bâle|Basle|Bern|Berne|Lausanne|Luzern|Lucerne|St. Gallen|Sankt Gallen|Winterthur|Lugano|Biel|Bienne|Härkingen|Frauenfeld|Daillens|Mülligen'],
  [
    'FR',
    null,
    'Paris|Marseille|Lyon|Toulouse|Nice|Nantes|Strasbourg|Straßburg|Montpellier|Bordeaux|Lille|Rennes|Reims|Le Havre|Saint-Étienne|' +
      'Toulon|Grenoble|Dijon|Angers|Nîmes|Villeurbanne|Clermont-Ferrand|Le Mans|Aix-en-Provence|Tours|Amiens|Limoges|Metz|' +
      'Besançon|Perpignan|Orléans|Rouen|Mulhouse|Caen|Nancy|Roissy-en-France|Roissy|Roissy Charles de Gaulle|Chilly-Mazarin|Wissous|Gonesse',
  ],
  ['BE', null, 'Bruxelles|Brussel|Brussels|Brüssel|Antwerpen|Anvers|Antwerp|Gent|Gand|Ghent|Liège|Luik|Lüttich|Charleroi|Namur|Leuven|Louvain|Mechelen|Brugge|Bruges|Hasselt|Zaventem|Machelen'],
  ['NL', null, 'Amsterdam|Rotterdam|Den Haag|The Hague|Den Hague|s-Gravenhage|Utrecht|Eindhoven|Tilburg|Groningen|Almere|Breda|Nijmegen|Apeldoorn|Haarlem|Arnhem|Enschede|Amersfoort|Zaandam|Zwolle|Maastricht|Leiden|Schiphol|Hoofddorp|Venlo|Nieuwegein'],
  ['LU', null, 'Luxembourg|Luxemburg|Bettembourg|Esch-sur-Alzette'],
  [
    'IT',
    null,
    'Roma|Rome|Rom|Milano|Milan|Mailand|Napoli|Naples|Neapel|Torino|Turin|Palermo|Genova|Genoa|Genua|Bologna|Firenze|Florenz|Bari|Catania|' +
      'Venezia|Venedig|Verona|Messina|Padova|Padua|Trieste|Triest|Brescia|Modena|Reggio Emilia|Perugia|Livorno|Cagliari|Bergamo|' +
      'Vicenza|Monza|Piacenza|Novara|Bolzano|Bozen|Trento|Udine|Ancona|Pescara|Lecce|Taranto|Salerno|Sesto San Giovanni|Peschiera Borromeo',
  ],
  ['ES', null, 'Madrid|Barcelona|Barcelone|Sevilla|Seville|Sévilla|Zaragoza|Saragossa|Málaga|Malaga|Bilbao|Murcia|Palma de Mallorca|Alicante|Valladolid|Vigo|Gijón|Gijon|A Coruña|La Coruña|Vitoria-Gasteiz|Elche|Oviedo|Pamplona|Donostia|Getafe|Coslada|San Fernando de Henares|Santa Perpètua de Mogoda|San Juan de Mozarrifar'],
  ['ES', 'Atlantic/Canary', 'Las Palmas|Las Palmas de Gran Canaria|Santa Cruz de Tenerife|Tenerife|Gran Canaria|Lanzarote|Fuerteventura|Arrecife|San Cristóbal de La Laguna|Telde'],
  ['PT', null, 'Lisboa|Lisbon|Lissabon|Lisbonne|Porto|Oporto|Braga|Coimbra|Faro|Setúbal|Aveiro|Amadora|Maia'],
  ['PT', 'Atlantic/Azores', 'Ponta Delgada|Angra do Heroísmo'],
  ['PT', 'Atlantic/Madeira', 'Funchal'],
  [
    'GB',
    null,
    'London|Londres|Heathrow|Gatwick|Stansted|Manchester|Birmingham|Glasgow|Edinburgh|Édimbourg|Liverpool|Leeds|Sheffield|Bristol|Belfast|' +
      'Cardiff|Coventry|Nottingham|Leicester|Southampton|Brighton|Milton Keynes|Northampton|Swindon|Wolverhampton|' +
      'Sunderland|Derby|Stoke-on-Trent|East Midlands|East Midlands Airport|Daventry|Warrington|Tamworth|Rugby|Lutterworth|Hinckley|' +
      'Croydon|Slough|Luton|Peterborough|Norwich|Exeter|Oxford|Bradford|Hull|Kingston upon Hull|Middlesbrough',
  ],
  ['IE', null, 'Dublin|Baile Átha Cliath|Cork|Limerick|Galway|Waterford|Drogheda|Dundalk|Swords'],
  ['DK', null, 'København|Copenhagen|Kopenhagen|Copenhague|Aarhus|Århus|Odense|Aalborg|Ålborg|Billund|Kastrup|Brøndby|Taastrup'],
  ['SE', null, 'Stockholm|Göteborg|Gothenburg|Malmö|Uppsala|Västerås|Örebro|Linköping|Helsingborg|Jönköping|Norrköping|Arlanda|Rosersberg'],
  ['NO', null, 'Oslo|Bergen|Trondheim|Stavanger|Drammen|Kristiansand|Tromsø|Gardermoen|Lørenskog'],
  ['FI', null, 'Helsinki|Helsingfors|Espoo|Vantaa|Tampere|Turku|Oulu|Jyväskylä|Lahti'],
  ['PL', null, 'Warszawa|Warsaw|Warschau|Varsovie|Kraków|Krakow|Cracow|Krakau|Łódź|Lodz|Wrocław|Wroclaw|Breslau|Poznań|Poznan|Posen|Gdańsk|Gdansk|Danzig|Szczecin|Stettin|Bydgoszcz|Lublin|Katowice|Kattowitz|Białystok|Gdynia|Częstochowa|Radom|Toruń|Rzeszów|Stryków|Strykow|Piotrków Trybunalski'],
  ['CZ', null, 'Praha|Prague|Prag|Brno|Brünn|Ostrava|Plzeň|Pilsen|Liberec|Olomouc'],
  ['SK', null, 'Bratislava|Pressburg|Košice|Kosice|Žilina|Nitra'],
  ['HU', null, 'Budapest|Debrecen|Szeged|Miskolc|Pécs|Győr'],
  ['RO', null, 'București|Bucuresti|Bucharest|Bukarest|Cluj-Napoca|Timișoara|Timisoara|Iași|Iasi|Constanța|Constanta|Brașov|Brasov'],
  ['BG', null, 'Sofia|Sofiya|Plovdiv|Varna|Burgas'],
  ['GR', null, 'Athens|Athína|Athina|Athen|Athènes|Thessaloniki|Salonica|Patras|Heraklion|Piraeus'],
  ['HR', null, 'Zagreb|Split|Rijeka|Osijek'],
  ['SI', null, 'Ljubljana|Laibach|Maribor'],
  ['RS', null, 'Belgrade|Beograd|Belgrad|Novi Sad|Niš'],
  ['LT', null, 'Vilnius|Kaunas|Klaipėda'],
  ['LV', null, 'Riga|Rīga'],
  ['EE', null, 'Tallinn|Tartu'],
  ['UA', null, 'Kyiv|Kiev|Kiew|Київ|Kharkiv|Odesa|Lviv|Lemberg|Dnipro'],
  ['TR', null, 'Istanbul|İstanbul|Ankara|Izmir|İzmir|Bursa|Antalya'],
  ['IS', null, 'Reykjavík|Reykjavik'],
  ['MT', null, 'Valletta|Birkirkara|Luqa'],
  ['CY', null, 'Nicosia|Lefkosia|Limassol|Larnaca'],
  // Russia: the federal cities are regions of their own; other cities are listed with their region.
  ['RU', 'Europe/Moscow', 'Moscow|Moskva|Moskau|Moscou|Москва|Vnukovo|Sheremetyevo|Domodedovo', 'MOW'],
  ['RU', 'Europe/Moscow', 'Saint Petersburg|St Petersburg|Sankt-Peterburg|Санкт-Петербург|Pulkovo', 'SPE'],
  ['RU', 'Europe/Moscow', 'Kazan', 'TA'],
  ['RU', 'Europe/Moscow', 'Nizhny Novgorod', 'NIZ'],
  ['RU', 'Europe/Moscow', 'Rostov-on-Don|Rostov-na-Donu', 'ROS'],
  ['RU', 'Europe/Moscow', 'Krasnodar', 'KDA'],
  ['RU', 'Europe/Kaliningrad', 'Kaliningrad', 'KGD'],
  ['RU', 'Europe/Samara', 'Samara', 'SAM'],
  ['RU', 'Europe/Volgograd', 'Volgograd', 'VGG'],
  ['RU', 'Asia/Yekaterinburg', 'Yekaterinburg|Ekaterinburg|Koltsovo', 'SVE'],
  ['RU', 'Asia/Yekaterinburg', 'Chelyabinsk', 'CHE'],
  ['RU', 'Asia/Omsk', 'Omsk', 'OMS'],
  ['RU', 'Asia/Novosibirsk', 'Novosibirsk|Tolmachevo', 'NVS'],
  ['RU', 'Asia/Krasnoyarsk', 'Krasnoyarsk', 'KYA'],
  ['RU', 'Asia/Irkutsk', 'Irkutsk', 'IRK'],
  ['RU', 'Asia/Vladivostok', 'Vladivostok', 'PRI'],
  // China and East Asia
  [
    'CN',
    null,
    'Shenzhen|深圳|深圳市|Guangzhou|广州|广州市|Shanghai|上海|上海市|Beijing|Peking|北京|北京市|Hangzhou|杭州|Yiwu|义乌|Dongguan|东莞|Foshan|Xiamen|' +
      'Ningbo|Tianjin|Chengdu|Wuhan|Suzhou|Qingdao|Zhengzhou|Chongqing|Nanjing|Jinhua|Fuzhou|Quanzhou|Zhongshan|Huizhou|Jiaxing|' +
      'Shantou|Kunming|Xian|Xi an|Changsha|Hefei|Jinan|Shenyang|Dalian|Harbin|Wuxi|Changzhou|Nanchang|Nanning|Zhuhai|Wenzhou|Taizhou|Shijiazhuang',
  ],
  ['HK', null, 'Kowloon|Tsuen Wan|Kwai Chung|Sha Tin|Tuen Mun|Chek Lap Kok|Tsing Yi|Kwun Tong'],
  ['MO', null, 'Taipa|Coloane|Cotai'],
  ['TW', null, 'Taipei|台北|臺北|Taoyuan|Kaohsiung|Taichung|Tainan|Hsinchu|New Taipei'],
  ['JP', null, 'Tokyo|東京|Osaka|大阪|Narita|Nagoya|Yokohama|Kobe|Kyoto|Sapporo|Fukuoka|Kawasaki|Saitama|Chiba|Sendai|Hiroshima|Kitakyushu|Haneda'],
  ['KR', null, 'Seoul|서울|Incheon|인천|Busan|Pusan|Daegu|Daejeon|Gwangju|Ulsan|Suwon|Gimpo|Icheon'],
  ['SG', null, 'Changi'],
  ['MY', null, 'Kuala Lumpur|Petaling Jaya|Shah Alam|Johor Bahru|George Town Penang|Penang|Sepang|Klang'],
  ['TH', null, 'Bangkok|Krung Thep|Chiang Mai|Nonthaburi|Samut Prakan|Pattaya'],
  ['VN', null, 'Ho Chi Minh City|Ho Chi Minh|Saigon|Hanoi|Ha Noi|Haiphong|Da Nang'],
  ['PH', null, 'Manila|Quezon City|Makati|Cebu|Cebu City|Davao|Pasay|Parañaque'],
  ['ID', 'Asia/Jakarta', 'Jakarta|Cengkareng', 'JK'],
  ['ID', 'Asia/Jakarta', 'Surabaya', 'JI'],
  ['ID', 'Asia/Jakarta', 'Bandung|Bekasi|Bogor|Depok', 'JB'],
  ['ID', 'Asia/Jakarta', 'Tangerang', 'BT'],
  ['ID', 'Asia/Jakarta', 'Medan', 'SU'],
  ['ID', 'Asia/Makassar', 'Denpasar', 'BA'],
  ['ID', 'Asia/Makassar', 'Makassar', 'SN'],
  ['ID', 'Asia/Jayapura', 'Jayapura', 'PA'],
  // South Asia, Middle East, Africa
  ['IN', null, 'Mumbai|Bombay|Delhi|New Delhi|Bengaluru|Bangalore|Chennai|Madras|Kolkata|Calcutta|Pune|Ahmedabad|Surat|Jaipur|Lucknow|Gurgaon|Gurugram|Noida|Cochin|Bhiwandi|Nagpur|Indore|Coimbatore|Visakhapatnam'],
  ['PK', null, 'Karachi|Lahore|Islamabad|Rawalpindi|Faisalabad'],
  ['BD', null, 'Dhaka|Chittagong'],
  ['LK', null, 'Colombo'],
  ['AE', null, 'Dubai|Abu Dhabi|Sharjah|Ajman|Jebel Ali'],
  ['SA', null, 'Riyadh|Jeddah|Dammam'],
  ['QA', null, 'Doha'],
  ['IL', null, 'Tel Aviv|Tel Aviv-Yafo|Jerusalem|Haifa|Ben Gurion'],
  ['EG', null, 'Cairo|Kairo|Le Caire|Alexandria'],
  ['ZA', null, 'Johannesburg|Cape Town|Kapstadt|Durban|Pretoria'],
  ['NG', null, 'Lagos|Abuja'],
  ['KE', null, 'Nairobi|Mombasa'],
  ['MA', null, 'Casablanca|Rabat|Marrakech|Marrakesh|Tanger|Tangier'],
  ['GE', null, 'Tbilisi|Tiflis'],
  ['NZ', null, 'Auckland|Wellington|Christchurch'],
  // Multi-zone countries: a city never places an event by itself (the region must be known, issue #19);
  // it tells a region code from a country code (`LOS ANGELES, CA`, `Perth, WA`) and, listed with its
  // region, picks the zone where the region is split (`Evansville, IN`, `Reynosa, Tamaulipas`).
  ['AU', 'Australia/Sydney', 'Sydney|Wollongong|Parramatta|Mascot', 'NSW'],
  ['AU', 'Australia/Broken_Hill', 'Broken Hill', 'NSW'],
  ['AU', 'Australia/Sydney', 'Canberra', 'ACT'],
  ['AU', 'Australia/Melbourne', 'Melbourne|Geelong|Tullamarine', 'VIC'],
  ['AU', 'Australia/Brisbane', 'Brisbane|Gold Coast|Townsville|Cairns|Sunshine Coast', 'QLD'],
  ['AU', 'Australia/Perth', 'Perth|Fremantle', 'WA'],
  ['AU', 'Australia/Adelaide', 'Adelaide', 'SA'],
  ['AU', 'Australia/Hobart', 'Hobart|Launceston', 'TAS'],
  ['AU', 'Australia/Darwin', 'Darwin', 'NT'],
  ['CA', 'America/Toronto', 'Toronto|Ottawa|Mississauga|Brampton|Markham|Vaughan|London', 'ON'],
  ['CA', 'America/Winnipeg', 'Kenora', 'ON'],
  ['CA', 'America/Toronto', 'Montreal|Montréal|Quebec City|Ville de Québec|Gatineau', 'QC'],
  ['CA', 'America/Vancouver', 'Vancouver|Burnaby|Kelowna|Abbotsford', 'BC'],
  ['CA', 'America/Edmonton', 'Calgary|Edmonton', 'AB'],
  ['CA', 'America/Edmonton', 'Lloydminster', 'SK'],
  ['CA', 'America/Winnipeg', 'Winnipeg', 'MB'],
  ['CA', 'America/Regina', 'Regina|Saskatoon', 'SK'],
  ['CA', 'America/Moncton', 'Moncton|Fredericton', 'NB'],
  ['CA', 'America/Halifax', 'Charlottetown', 'PE'],
  ['CA', 'America/Whitehorse', 'Whitehorse', 'YT'],
  ['CA', 'America/Edmonton', 'Yellowknife', 'NT'],
  ['CA', 'America/Iqaluit', 'Iqaluit', 'NU'],
  ['US', 'America/New_York', 'New York|New York City|NYC|Brooklyn|Manhattan|Bronx|Staten Island|Buffalo|JFK|Rome|Hamburg|Potsdam|Delhi', 'NY'],
  ['US', 'America/New_York', 'Philadelphia|Pittsburgh|Allentown|Hanover', 'PA'],
  ['US', 'America/New_York', 'Boston', 'MA'],
  ['US', 'America/New_York', 'Baltimore', 'MD'],
  ['US', 'America/New_York', 'Atlanta|Savannah|Athens|Rome|Bremen', 'GA'],
  ['US', 'America/New_York', 'Miami|Orlando|Tampa|Jacksonville|Naples', 'FL'],
  ['US', 'America/Chicago', 'Pensacola', 'FL'],
  ['US', 'America/New_York', 'Charlotte|Raleigh|Greensboro', 'NC'],
  ['US', 'America/New_York', 'Charleston|Columbia', 'SC'],
  ['US', 'America/New_York', 'Nashua|Manchester|Berlin|Hanover', 'NH'],
  ['US', 'America/Detroit', 'Detroit|Grand Rapids', 'MI'],
  ['US', 'America/Menominee', 'Iron Mountain|Menominee|Ironwood', 'MI'],
  ['US', 'America/New_York', 'Cleveland|Cincinnati|Columbus|Dublin|Dresden|Lima', 'OH'],
  ['US', 'America/New_York', 'Jersey City|Secaucus|Edison|Newark', 'NJ'],
  ['US', 'America/New_York', 'Louisville|Lexington|London', 'KY'],
  ['US', 'America/Chicago', 'Bowling Green|Paducah|Owensboro', 'KY'],
  ['US', 'America/Indiana/Indianapolis', 'Indianapolis|Fort Wayne|South Bend|Warsaw', 'IN'],
  ['US', 'America/Chicago', 'Evansville|Gary|Hammond', 'IN'],
  ['US', 'America/Chicago', 'Chicago|Hodgkins|Joliet|Romeoville|Aurora', 'IL'],
  ['US', 'America/Chicago', 'Houston|Dallas|San Antonio|Fort Worth|DFW|Paris', 'TX'],
  ['US', 'America/Denver', 'El Paso', 'TX'],
  ['US', 'America/Chicago', 'Memphis|Nashville|Milan', 'TN'],
  ['US', 'America/New_York', 'Knoxville|Chattanooga', 'TN'],
  ['US', 'America/Chicago', 'New Orleans|Baton Rouge|Shreveport', 'LA'],
  ['US', 'America/Chicago', 'Milwaukee|Madison', 'WI'],
  ['US', 'America/Chicago', 'Minneapolis', 'MN'],
  ['US', 'America/Chicago', 'Kansas City|Saint Louis|St Louis', 'MO'],
  ['US', 'America/Chicago', 'Omaha|Lincoln', 'NE'],
  ['US', 'America/Denver', 'Scottsbluff', 'NE'],
  ['US', 'America/Chicago', 'Sioux Falls', 'SD'],
  ['US', 'America/Denver', 'Rapid City', 'SD'],
  ['US', 'America/Chicago', 'Fargo|Bismarck', 'ND'],
  ['US', 'America/Denver', 'Dickinson', 'ND'],
  ['US', 'America/Chicago', 'Little Rock', 'AR'],
  ['US', 'America/Chicago', 'Montgomery|Huntsville|Tuscaloosa|Birmingham', 'AL'],
  ['US', 'America/Chicago', 'Jackson|Oxford', 'MS'],
  ['US', 'America/Denver', 'Denver|Colorado Springs|Aurora', 'CO'],
  ['US', 'America/Phoenix', 'Phoenix|Tucson|Mesa', 'AZ'],
  ['US', 'America/Boise', 'Boise|Nampa', 'ID'],
  ['US', 'America/Los_Angeles', "Coeur d'Alene|Moscow", 'ID'],
  ['US', 'America/Boise', 'Ontario', 'OR'],
  ['US', 'America/Los_Angeles', 'Los Angeles|San Francisco|San Diego|Sacramento|Oakland|Fresno|Long Beach|Bakersfield|Anaheim|San Bernardino|Stockton|Whittier|Ontario|Dublin', 'CA'],
  ['US', 'America/Los_Angeles', 'Seattle|Tacoma|Spokane', 'WA'],
  ['US', 'America/New_York', 'Richmond|Norfolk|Virginia Beach|Vienna|Alexandria', 'VA'],
  ['US', 'America/New_York', 'Washington', 'DC'],
  ['MX', 'America/Mexico_City', 'Mexico City|Ciudad de México|Ciudad de Mexico|CDMX', 'CMX'],
  ['MX', 'America/Mexico_City', 'Guadalajara', 'JAL'],
  ['MX', 'America/Mexico_City', 'Toluca|Cuautitlán Izcalli', 'MEX'],
  ['MX', 'America/Mexico_City', 'Puebla', 'PUE'],
  ['MX', 'America/Mexico_City', 'Querétaro|Queretaro', 'QUE'],
  ['MX', 'America/Monterrey', 'Monterrey|Apodaca', 'NLE'],
  ['MX', 'America/Monterrey', 'Saltillo|Torreón|Torreon', 'COA'],
  ['MX', 'America/Matamoros', 'Piedras Negras|Ciudad Acuña', 'COA'],
  ['MX', 'America/Monterrey', 'Tampico|Ciudad Victoria|Ciudad Madero|Altamira', 'TAM'],
  ['MX', 'America/Matamoros', 'Reynosa|Matamoros|Nuevo Laredo', 'TAM'],
  ['MX', 'America/Ciudad_Juarez', 'Ciudad Juárez|Ciudad Juarez|Juárez|Juarez', 'CHH'],
  ['MX', 'America/Ojinaga', 'Ojinaga', 'CHH'],
  ['MX', 'America/Tijuana', 'Tijuana|Mexicali|Ensenada', 'BCN'],
  ['MX', 'America/Hermosillo', 'Hermosillo', 'SON'],
  ['MX', 'America/Cancun', 'Cancún|Cancun', 'ROO'],
  ['MX', 'America/Bahia_Banderas', 'Bahía de Banderas|Nuevo Vallarta', 'NAY'],
  ['BR', 'America/Sao_Paulo', 'São Paulo|Sao Paulo|Campinas|Guarulhos', 'SP'],
  ['BR', 'America/Sao_Paulo', 'Rio de Janeiro', 'RJ'],
  ['BR', 'America/Sao_Paulo', 'Brasília|Brasilia', 'DF'],
  ['BR', 'America/Sao_Paulo', 'Belo Horizonte', 'MG'],
  ['BR', 'America/Sao_Paulo', 'Curitiba', 'PR'],
  ['BR', 'America/Sao_Paulo', 'Porto Alegre', 'RS'],
  ['BR', 'America/Sao_Paulo', 'Florianópolis|Florianopolis', 'SC'],
  ['BR', 'America/Manaus', 'Manaus', 'AM'],
  ['BR', 'America/Recife', 'Recife', 'PE'],
  ['BR', 'America/Fortaleza', 'Fortaleza', 'CE'],
  ['BR', 'America/Belem', 'Belém|Belem', 'PA'],
  // Single-zone countries of the Americas
  ['AR', null, 'Buenos Aires|Ezeiza|Rosario'],
  ['CO', null, 'Bogotá|Bogota|Medellín|Medellin|Barranquilla'],
  ['PE', null, 'Lima|Callao'],
  ['CL', null, 'Santiago de Chile'],
  ['CL', 'Pacific/Easter', 'Hanga Roa'],
  ['EC', 'Pacific/Galapagos', 'Puerto Ayora|Puerto Baquerizo Moreno'],
];

/**
 * Places of the smaller side of a two-letter code that is both a US state and a country: `City, DE`
 * is Delaware only for these places, otherwise Germany; `City, VA` is the Vatican only for the Vatican;
 * `City, MO` is Macao only for Macao's parts. The lists are complete for what carriers print.
 */
export const CLOSED_PLACE_LISTS: Readonly<Record<string, { country: string; state: string; side: 'state' | 'country'; names: string }>> = {
  DE: {
    country: 'DE',
    state: 'DE',
    side: 'state',
    names:
      'Wilmington|Dover|Newark|Middletown|Smyrna|Milford|Seaford|Georgetown|Elsmere|New Castle|Bear|Hockessin|Lewes|Rehoboth Beach|' +
      'Millsboro|Laurel|Harrington|Camden|Camden Wyoming|Wyoming|Selbyville|Delmar|Clayton|Townsend|Odessa|Cheswold|Felton|Frederica|' +
      'Magnolia|Viola|Woodside|Hartly|Kenton|Marydel|Houston|Greenwood|Bridgeville|Ellendale|Lincoln|Milton|Harbeson|Nassau|Dagsboro|' +
      'Frankford|Millville|Ocean View|Bethany Beach|South Bethany|Fenwick Island|Dewey Beach|Henlopen Acres|Slaughter Beach|Bethel|' +
      'Blades|Claymont|Greenville|Montchanin|Rockland|Winterthur|Yorklyn|Newport|Pike Creek|Pike Creek Valley|Glasgow|Brookside|' +
      'Edgemoor|Talleyville|Wilmington Manor|Arden|Ardencroft|Ardentown|Bellefonte|Delaware City|Port Penn|Saint Georges|St Georges|' +
      'Kirkwood|Little Creek|Leipsic|Bowers|Bowers Beach|Farmington|Long Neck|Rodney Village|Highland Acres|Kent Acres|Riverview|' +
      'North Star|Dover AFB|Dover Air Force Base|Christiana|Stanton|Minquadale|Collins Park|Holly Oak|Marshallton|Elsmere Manor',
  },
  VA: { country: 'VA', state: 'VA', side: 'country', names: 'Vatican|Vatican City|Città del Vaticano|Citta del Vaticano|Holy See' },
  MO: { country: 'MO', state: 'MO', side: 'country', names: 'Macau|Macao|Taipa|Coloane|Cotai' },
};

/** Words of a facility rather than a place (`LOS ANGELES CA INTERNATIONAL DISTRIBUTION CENTER`, `LEIPZIG HUB`). */
export const FACILITY_WORDS: readonly string[] = [
  'international distribution center',
  'network distribution center',
  'processing and distribution center',
  'processing & distribution center',
  'regional distribution center',
  'distribution center',
  'distribution centre',
  'distribution facility',
  'regional facility',
  'processing center',
  'processing facility',
  'sort center',
  'sorting center',
  'sort facility',
  'sorting facility',
  'service center',
  'parcel center',
  'fulfillment center',
  'international airport',
  'intl airport',
  'airport',
  'gateway',
  'hub',
  'depot',
  'terminal',
  'paketzentrum',
  'briefzentrum',
  'zustellbasis',
  'zustellstützpunkt',
  'verteilzentrum',
  'centre de tri',
  'plateforme',
  'agence',
];
