// The vendor help page's samples (shared/providers/accountadmin.purchase_credits.txt), byte for byte.

export const REQUEST_JSON = `{
  "Billing": {
    "Address": "sample string 1",
    "Company": "sample string 2",
    "Email": "sample string 3",
    "Mobile": "sample string 4",
    "Phone": "sample string 5"
  },
  "PurchaseID": "9beb5f68-6493-4cc4-b55e-187541a9d22b",
  "PurchaseOrder": "sample string 2"
}`;

export const REQUEST_XML = `<AccountPurchase xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Billing>
    <Address>sample string 1</Address>
    <Company>sample string 2</Company>
    <Email>sample string 3</Email>
    <Mobile>sample string 4</Mobile>
    <Phone>sample string 5</Phone>
  </Billing>
  <PurchaseID>9beb5f68-6493-4cc4-b55e-187541a9d22b</PurchaseID>
  <PurchaseOrder>sample string 2</PurchaseOrder>
</AccountPurchase>`;

export const RESPONSE_JSON = `{
  "Error": {
    "ErrorCode": "sample string 1",
    "ErrorReason": "sample string 2"
  },
  "ResponseData": {
    "Identification": {
      "UserId": "sample string 1"
    },
    "Result": "sample string 1",
    "Detail": {
      "Currency": "sample string 1",
      "DatePurchased": "2024-03-28T21:00:58.485847+00:00",
      "GrossTotal": 3.1,
      "ID": "56709ccd-06ca-4ac2-be10-2c4fb6d7dd75",
      "InvoiceNumber": 1,
      "NetTotal": 5.1,
      "Paid": true,
      "PurchaseType": "sample string 7",
      "Quantity": 8.1,
      "Tax": 9.1,
      "UnitPrice": 10.1
    }
  }
}`;

export const RESPONSE_XML = `<ResponseOfPurchase xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Error>
    <ErrorCode>sample string 1</ErrorCode>
    <ErrorReason>sample string 2</ErrorReason>
  </Error>
  <ResponseData>
    <Result>sample string 1</Result>
    <Identification>
      <UserId>sample string 1</UserId>
    </Identification>
    <Detail>
      <Currency>sample string 1</Currency>
      <DatePurchased>2024-03-28T21:00:58.485847+00:00</DatePurchased>
      <GrossTotal>3.1</GrossTotal>
      <ID>56709ccd-06ca-4ac2-be10-2c4fb6d7dd75</ID>
      <InvoiceNumber>1</InvoiceNumber>
      <NetTotal>5.1</NetTotal>
      <Paid>true</Paid>
      <PurchaseType>sample string 7</PurchaseType>
      <Quantity>8.1</Quantity>
      <Tax>9.1</Tax>
      <UnitPrice>10.1</UnitPrice>
    </Detail>
  </ResponseData>
</ResponseOfPurchase>`;

/** XML without the indentation between elements, as a serializer writes it on the wire. */
export const compact = (xml: string) => xml.replace(/>\s+</g, '><').trim();
