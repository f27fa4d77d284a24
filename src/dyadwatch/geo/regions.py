"""Places the gazetteer knows that no shipped GeoNames file holds: well-known regions, and seas,
gulfs, straits, canals, oceans and rivers (build.py indexes them as ``region`` candidates).

Facts only: names and approximate centres, written for dyadwatch.
"""

from __future__ import annotations

# Well-known regions GeoNames' shipped files lack (approximate centres, no GeoNames id); a
# trailing alpha-2 code names the one country a region lies in.
REGIONS = """
England 52.16 -0.70 GB|Scotland 56.5 -4 GB|Wales 52.5 -3.5 GB|Northern Ireland 54.6 -6.7 GB
West Bank 32 35.25 PS|Gaza Strip 31.42 34.37 PS|Kurdistan Region 36.2 44 IQ
Middle East 29 41|Sahel 15 5|Sahara 23 13|Balkans 43 21|Caucasus 42 45|Kashmir 34 75
Darfur 13 24|Crimea 45.3 34.4|Donbas 48 38.5|Kurdistan 36.5 44|Persian Gulf 27 51|Gulf 27 51
Horn of Africa 8 45|Central Asia 43 65|Southeast Asia 10 106|Latin America -8 -62
North Africa 27 10|Southern Africa -24 25|Central Africa 2 20|Sub-Saharan Africa 2 20
Maghreb 32 2|Levant 33.5 36.5|Eastern Europe 50 30|Western Europe 48 5|Central Europe 49 16
South Asia 23 80|East Asia 35 115|Central America 14 -87|Asia-Pacific 10 120
Arabian Peninsula 23 46|Korean Peninsula 38 127.5|Indochina 15 104|Patagonia -45 -69
Caribbean 16 -72|Scandinavia 63 15|Siberia 60 105|West Africa 12 -3|East Africa 2 37
Gulf of Aden 12.5 48|Red Sea 20 38.5|Mediterranean 35 18|Sinai 29.5 33.8|Golan Heights 33 35.75
"""

# Seas, gulfs, straits and rivers news names, which no shipped GeoNames file holds (approximate
# centres; a river's is a point on its middle course). Each is indexed under its whole name, so
# "the Sea of Japan" never falls apart into "Sea of" and a country.
WATERS = """
Sea of Japan 40 135|East Sea 40 135|Yellow Sea 35 123|East China Sea 29 125
South China Sea 12 114|Philippine Sea 20 130|Sea of Okhotsk 53 150|Bering Sea 58 -175
Black Sea 43.5 34|Sea of Azov 46 36.5|Caspian Sea 41.5 50.5|Aral Sea 45 60
Mediterranean Sea 35 18|Aegean Sea 39 25|Adriatic Sea 43 15|Ionian Sea 38 19
Tyrrhenian Sea 40 12|Baltic Sea 58 20|North Sea 56 3|Norwegian Sea 69 5|Barents Sea 75 40
Arabian Sea 15 65|Gulf of Oman 24.5 58.5|Gulf of Mexico 25 -90|Gulf of Guinea 2 4
Gulf of Thailand 9.5 102|Gulf of Finland 60 26|Gulf of Bothnia 63 20|Gulf of Aqaba 28.8 34.8
Gulf of Suez 28.8 33|Arabian Gulf 27 51|Bay of Bengal 15 88|Bay of Biscay 45 -4
Strait of Hormuz 26.6 56.4|Strait of Malacca 4 100|Strait of Gibraltar 35.95 -5.6
Bab el-Mandeb 12.6 43.3|Bab al-Mandab 12.6 43.3|Taiwan Strait 24.5 119.5|Kerch Strait 45.3 36.5
Bosporus 41.1 29.05|Bosphorus 41.1 29.05|Dardanelles 40.2 26.4|English Channel 50.2 -1
Suez Canal 30.5 32.35|Panama Canal 9.1 -79.7|Atlantic Ocean 0 -30|Pacific Ocean 0 -160
Indian Ocean -20 80|Arctic Ocean 85 0|Caribbean Sea 15 -75|Coral Sea -18 155|Celebes Sea 3 122
Sulu Sea 8 120|Java Sea -5 111|Andaman Sea 10 96|Laccadive Sea 8 75|Tasman Sea -40 160
Nile River 16 32.5|Euphrates River 35 40|Tigris River 34 44|Jordan River 32 35.55
Dnipro River 48.5 35|Dnieper River 48.5 35|Danube River 45 25|Rhine River 50 7.6
Amazon River -3 -60|Mekong River 15 105.8|Yangtze River 30.5 112|Congo River -1.5 17
Niger River 14 -2|Rio Grande 29.5 -103|Indus River 27 68|Ganges River 25.3 83
Nile 16 32.5|Euphrates 35 40|Tigris 34 44|Danube 45 25|Mekong 15 105.8|Dnipro 48.5 35
Dnieper 48.5 35|Yangtze 30.5 112
"""
