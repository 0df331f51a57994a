/**
 * Common first names from many countries, for the "First Last" heuristic in detect-names.ts.
 * Names that are also everyday English words (May, Will, Mark, Grace, …) are deliberately
 * absent: at the start of a sentence they are words far more often than people, so they count
 * as names only with a cue (a title, "my name is", a greeting, a sign-off) or as a known name.
 */
const NAMES = `
Aaron Abdul Abigail Adam Adaeze Adebayo Aditi Aditya Adriana Adrian Agnieszka Ahmed Aidan Aisha Akira Alan Albert
Alejandro
Aleksandra Alessandro Alexander Alexandra Alex Alfie Ali Alice Alicia Alison Amanda Amara Amelia Amina Amir Amit Amy Ana
Anand Ananya Anders Andrea Andreas Andrew Andrzej Angela Anika Anita Anja Ann Anna Anne Annika Anthony Antoine
Antonio Anya
Arjun Arnav Arthur Ashley Astrid Aurélie Ava Ayesha Barbara Beatriz Ben Benjamin Benoît Bernard Beth Bethany Björn
Bogdan
Brandon Brian Bruno Caitlin Callum Camila Camille Carl Carla Carlos Carmen Caroline Catherine Cecilia Charles Charlie
Charlotte
Chen Chidi Chinedu Chioma Chloe Chloé Chris Christian Christina Christine Christopher Claire Clara Claudia Colin Connor
Craig Daniel Daniela Daniele Darren David Deborah Declan Deepak Deepika Denise Dennis Diana Diego Dimitri Divya Dmitri
Dominic Donna Dorothy Douglas Duc Dylan Ebony Edward Elena Eleanor Elif Elijah Elizabeth Ella Ellie Elodie Élodie Emeka
Emily Emma Emre Eric Erik Ethan Eva Evelyn Fatima Federica Felix Fernando Finn Fiona Florian Folake Francesca Francesco
Francisco Franziska Freya Gabriel Gabriela Gareth Gary Gemma George Gerald Giorgia Giovanni Giulia Giuseppe Gonzalo
Gregory Gustav Hamza Hannah Hans Harry Harvey Hassan Heather Heike Helen Helena Henrik Henry Hiroshi Holly Hugo Hussein
Ian Ibrahim Ifeoma Igor Imogen Ines Inês Ingrid Irene Isaac Isabel Isabella Isla Ivan Jack Jacob Jade Jakub James Jan
Jana Jane Janet Jasmine Jason Javier Jayden Jean Jennifer Jessica Jiho Jing Joanna Joao João Joe Johan Johanna John
Jonas
Jonathan Jorge Jose José Joseph Joshua Juan Judith Julia Julian Julie Julien Jürgen Justin Kai Karen Karim Karl Karthik
Kate Katarzyna Katharina Katherine Kathleen Katie Katrin Kayla Keith Kelly Kenji Kenneth Kevin Khalid Kim Kirsty Klaus
Kofi Krzysztof Kwame Lakshmi Lara Lars Laura Lauren Layla Leah Lena Leo Leon Leonardo Liam Lily Linda Lindiwe Lisa
Liu Logan
Lorenzo Louise Luca Lucas Lucia Lucía Lucy Luis Lukas Łukasz Luke Lydia Magdalena Magnus Maria María Marie Marina Mario
Marta Martin Mary Mateo Matteo Matthew Matthias Maximilian Maya Megan Mehmet Mei Melissa Mia Michael Michelle Miguel
Mikael
Ming Mohamed Mohammed Muhammad Monika Nadia Naomi Natalia Natasha Nathan Neha Nicholas Nicola Nicole Niamh Nikhil
Nikolai Nina Noah Noor Nora Obinna Oliver Olivia Olga Oluwaseun Omar Oscar Owen Pablo Pamela Paolo Patricia Patrick Paul
Paula Pedro Peter Philip Philippe Pierre Piotr Pooja Priya Rachel Rafael Rahul Rajesh Ravi Rebecca Reza Rhys Ricardo
Richard Rita Robert Roberto Rohan Ryan Sabine Sadia Samir Samuel Sandra Sanjay Sara Sarah Sean Sebastian Sergei Shanice
Sharon Shirin Simon Simone Siobhan Sipho Sofia Sophia Sophie Stefan Stefano Stephanie Stephen Steven Sunil Susan
Svetlana
Tanvir Tariq Teresa Thabo Thomas Tiago Timothy Tobias Tomasz Tom Tommaso Tyler Ugo Valentina Vanessa Victor Vikram
Vincent
Wei Wojciech Xavier Xin Yannick Yasmin Yuki Yusuf Zainab Zeynep Zoe Zoë
Aarav Abebe Adaora Adeola Adil Adnan Afua Agata Agnes Ahmad Aiko Ailsa Ainhoa Aitana Akosua Alba Aleksander Aleksi
Alessia
Alfonso Alina Alisa Alma Alvaro Álvaro Amadou Amal Amaya Ambra Ane Anett Anil Anouk Antonia Anuj Ari Arnaud Arne
Aroha Arvid
Asha Ashok Asma Aurora Axel Aya Ayaan Aylin Ayodele Baptiste Bartosz Basia Bastian Beatrice Bence Benedikt Bernadette
Bilal
Birgit Blessing Boris Bram Bruna Burak Busisiwe Caio Camilo Carina Carlota Carsten Cátia Cem Chiara Chidinma Chinwe
Chukwuemeka
Ciara Clément Constance Cristina Cyril Dagmar Dalia Damian Dana Dario Daria Darius Dawit Dejan Dilnoza Dimitra
Dimitris Dina
Dinesh Dmitry Duarte Dunja Edith Eduardo Eero Efua Einar Eirik Ejike Ekaterina Elena Eleni Eliška Elsa Emil Emilia
Emilie Enrique
Enzo Erlendur Esra Esther Estelle Eszter Farah Farid Fatma Faisal Femi Filip Filipa Fiorella Fredrik Gaëlle Gaurav
Gheorghe
Gianluca Gintaras Giorgos Goran Grzegorz Gudrun Guðrún Gunnar Habib Hadiza Hafsa Hakan Halima Hana Hanne Harriet
Haruto Hedda
Helga Hemi Hilde Hina Hiro Hoang Hung Hyun Ida Idris Ifeanyi Ilse Ilya Ingeborg Ioana Ionut Irina Isabelle Ismail
Ivana Iwona
Jaakko Jacek Jakob Jamal Janne Jaroslav Jasper Javad Jelena Jens Jeroen Jiří Joaquín Joachim Joana Jolanta Jorge
Jovan Julieta
Jun Jussi Kamala Kamil Karolina Kasia Katja Kazuki Keanu Kemal Kenta Kerstin Kiran Kjell Klara Kristian Kristín
Kristíana
Krisztina Kunle Lachlan Laila Laszlo László Leila Leilani Lennart Leticia Letícia Liang Lidia Lin Lina Linnea Liv Lorena
Lotte Luana Lucian Ludmila Luka Lukas Mads Mahmoud Maiara Malak Malik Malin Mandla Manon Manuel Marek Margarida
Mariam Marius
Marko Marlene Martina Mateusz Mathilde Matías Maurice Maximilian Mehdi Meiling Melike Merve Mette Mihai Mika Mikko
Milena
Milica Minh Mirela Miriam Mitra Mohsen Morten Moshe Murat Nadine Nalini Nam Nasser Nasrin Ndeye Nia Nikola Nils
Nkechi Noa
Noelia Nour Nuno Nurul Ödön Ola Olamide Oleg Oleksandr Olena Olivier Oskar Pål Parisa Pavel Pedro Petra Pia Pilar
Priyanka
Radek Radu Rafaela Rania Rashid Raúl Reinhard Renata Riccardo Rin Rocío Rodrigo Roksana Roman Rosa Ruslan Ryo Saanvi
Sabrina
Saeed Safiya Sakura Salma Samira Sana Sandeep Santiago Sasha Satu Selin Senna Seo-yeon Sergio Shreya Sigrid Silvia
Sindre
Siddharth Sipho Siti Snezana Sölvi Søren Stanislav Stella Sven Svenja Szymon Tadeusz Taiwo Takeshi Tamar Tanja Tarek
Tatiana
Teodor Thanh Theo Thiago Thuy Tobi Tomás Tove Trinh Tuan Ulla Ulrich Uma Umar Urszula Valentin Valeria Vasile
Veronika Vesna
Viktor Viktoria Vilmer Vladimir Wanjiru Wiebke Willem Wiktoria Xiaoming Yara Yasmine Yaw Yerlan Yiannis Yosef Youssef
Yuna
Yusuke Zanele Zsofia Zuzana
`;

export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
